export { createStaffUser, MIN_PASSWORD_LENGTH, STAFF_ROLES, type StaffRole, StaffUserError } from "./create-staff-user";
export { hashPassword } from "./hash-password";
export { verifyPassword } from "./verify-password";

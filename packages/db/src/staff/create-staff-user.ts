import type { Db } from "../client";
import { hashPassword } from "./hash-password";

export type StaffRole = "merchandiser" | "admin";
export const STAFF_ROLES: readonly StaffRole[] = ["merchandiser", "admin"];
export const MIN_PASSWORD_LENGTH = 12;

export class StaffUserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StaffUserError";
  }
}

/**
 * Creates a staff account, or resets the password and role of an existing one with the same e-mail.
 * Passwords shorter than MIN_PASSWORD_LENGTH are refused; only the argon2id hash is stored.
 */
export async function createStaffUser(
  db: Db,
  input: { email: string; role: StaffRole; password: string },
): Promise<{ id: number; email: string; role: StaffRole; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new StaffUserError(`"${input.email}" is not an e-mail address`);
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new StaffUserError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const passwordHash = await hashPassword(input.password);
  const existing = await db.staffUser.findUnique({ where: { email }, select: { id: true } });
  const row = await db.staffUser.upsert({
    where: { email },
    create: { email, role: input.role, passwordHash },
    update: { role: input.role, passwordHash },
    select: { id: true, email: true },
  });
  if (existing) await db.staffSession.deleteMany({ where: { staffUserId: row.id } });
  return { id: row.id, email: row.email, role: input.role, created: !existing };
}

import type { AuditActor } from "@jewelguide/db";
import type { StaffIdentity } from "../auth/find-staff-session";

/** The audit log's actor for a dashboard change: the e-mail and role of the verified staff session. */
export function staffActor(staff: StaffIdentity): AuditActor {
  return { name: staff.email, role: staff.role };
}

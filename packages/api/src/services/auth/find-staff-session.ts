import type { Db } from "@jewelguide/db";
import { hashSessionToken } from "./hash-session-token";

export type StaffRole = "merchandiser" | "admin";
export type StaffIdentity = { id: number; email: string; role: StaffRole };

/** The staff member behind a session token, or null when the token is unknown or expired. */
export async function findStaffSession(
  db: Db,
  token: string | undefined,
  now = new Date(),
): Promise<StaffIdentity | null> {
  if (!token) return null;
  const session = await db.staffSession.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    select: { expiresAt: true, staffUser: { select: { id: true, email: true, role: true } } },
  });
  if (!session || session.expiresAt <= now) return null;
  const role = session.staffUser.role;
  if (role !== "admin" && role !== "merchandiser") return null;
  return { id: session.staffUser.id, email: session.staffUser.email, role };
}

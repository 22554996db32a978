import type { Db } from "@jewelguide/db";
import { hashSessionToken } from "./hash-session-token";

/** Ends the session of this token (nothing happens for an unknown one). */
export async function logOutStaff(db: Db, token: string | undefined): Promise<void> {
  if (!token) return;
  await db.staffSession.deleteMany({ where: { tokenHash: hashSessionToken(token) } });
}

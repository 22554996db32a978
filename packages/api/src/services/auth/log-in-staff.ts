import crypto from "node:crypto";
import { type Db, verifyPassword } from "@jewelguide/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { hashSessionToken } from "./hash-session-token";
import { STAFF_SESSION_SECONDS } from "./staff-cookie";

export const LogInInputSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});
export type LogInInput = z.infer<typeof LogInInputSchema>;

// A valid argon2id hash of a random string: unknown e-mails cost the same verify time as known ones.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$f8oPN3dCs+ZH9Wsh3Hc+TQ$W3ZBG6Ipwq7RxqpNCDoNeudXiiDmZAyvC0QBCSvryJg";

/**
 * Checks the password (argon2) and opens a session: returns the raw token for the cookie; the database stores only
 * its hash. Wrong e-mail or password give the same UNAUTHORIZED error.
 */
export async function logInStaff(
  db: Db,
  input: LogInInput,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date; staff: { id: number; email: string; role: string } }> {
  const email = input.email.toLowerCase();
  const user = await db.staffUser.findUnique({
    where: { email },
    select: { id: true, email: true, role: true, passwordHash: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !valid) throw new TRPCError({ code: "UNAUTHORIZED", message: "wrong e-mail or password" });
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + STAFF_SESSION_SECONDS * 1000);
  await db.staffSession.create({ data: { staffUserId: user.id, tokenHash: hashSessionToken(token), expiresAt } });
  await db.staffSession.deleteMany({ where: { expiresAt: { lt: now } } });
  return { token, expiresAt, staff: { id: user.id, email: user.email, role: user.role } };
}

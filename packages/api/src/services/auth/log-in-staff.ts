import crypto from "node:crypto";
import { type Db, verifyPassword } from "@jewelguide/db";
import { AppError } from "@jewelguide/db/errors";
import { z } from "zod";
import type { RateLimiter } from "../../security/rate-limit/create-rate-limiter";
import { admitLogInAttempt, settleLogInAttempt } from "../../security/rate-limit/login-failure-limit";
import { retryLaterError } from "../../security/rate-limit/retry-later-error";
import { hashSessionToken } from "./hash-session-token";
import { STAFF_SESSION_SECONDS } from "./staff-cookie";

export const LogInInputSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});
export type LogInInput = z.infer<typeof LogInInputSchema>;

// A valid argon2id hash of a random string: unknown e-mails cost the same verify time as known ones.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$f8oPN3dCs+ZH9Wsh3Hc+TQ$W3ZBG6Ipwq7RxqpNCDoNeudXiiDmZAyvC0QBCSvryJg";

/** Where the attempt comes from, and the limiter whose log-in failure policy and clock apply. */
export type LogInAttempt = { address: string; rateLimiter: Pick<RateLimiter, "loginFailures" | "now"> };

/**
 * Checks the password (argon2) and opens a session: returns the raw token for the cookie; the database stores only
 * its hash. Wrong e-mail or password give the same UNAUTHORIZED error. Before any password is hashed, the account's
 * and the address's failures decide whether the attempt may be made at all (login-failure-limit.ts): a locked account
 * or address answers TOO_MANY_REQUESTS with the seconds to wait, whether the password is right or not.
 */
export async function logInStaff(
  db: Db,
  input: LogInInput,
  attempt: LogInAttempt,
): Promise<{ token: string; expiresAt: Date; staff: { id: number; email: string; role: string } }> {
  const email = input.email.toLowerCase();
  const subjects = { email, address: attempt.address };
  const admission = await admitLogInAttempt(db, attempt.rateLimiter.loginFailures, subjects, attempt.rateLimiter.now());
  if (!admission.admitted) {
    throw retryLaterError("too many failed log-ins for this account or address", admission.retryAfterSeconds);
  }
  const user = await db.staffUser.findUnique({
    where: { email },
    select: { id: true, email: true, role: true, passwordHash: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  await settleLogInAttempt(db, subjects, Boolean(user && valid));
  if (!user || !valid) throw new AppError("UNAUTHORIZED", "wrong e-mail or password");
  const now = new Date(attempt.rateLimiter.now());
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + STAFF_SESSION_SECONDS * 1000);
  await db.staffSession.create({ data: { staffUserId: user.id, tokenHash: hashSessionToken(token), expiresAt } });
  await db.staffSession.deleteMany({ where: { expiresAt: { lt: now } } });
  return { token, expiresAt, staff: { id: user.id, email: user.email, role: user.role } };
}

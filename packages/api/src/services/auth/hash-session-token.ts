import crypto from "node:crypto";

/** The stored form of a session token: a stolen database does not yield usable cookies. */
export function hashSessionToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

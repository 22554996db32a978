import crypto from "node:crypto";

/** A short, stable content hash (sha256, 32 hex chars) of the given parts, used as an idempotency key. */
export function hashKey(parts: readonly string[]): string {
  return crypto.createHash("sha256").update(parts.join("\u001f")).digest("hex").slice(0, 32);
}

import crypto from "node:crypto";

/** Every key starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const API_KEY_PREFIX = "jg_";

/** `jg_` + 256 random bits (base64url, 43 characters): too many to guess, so a fast hash is enough at rest. */
export function newApiKeySecret(): string {
  return `${API_KEY_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
}

/**
 * The stored form of a key: hex SHA-256. A 256-bit random key needs no salt or slow hash (nothing to brute-force), and
 * a lookup by hash touches the key only through the digest.
 */
export function hashApiKeySecret(secret: string): string {
  return crypto.createHash("sha256").update(secret, "utf8").digest("hex");
}

/** The first characters shown by `api-key list` (the prefix and 6 random characters): enough to tell keys apart. */
export function apiKeyDisplayPrefix(secret: string): string {
  return secret.slice(0, API_KEY_PREFIX.length + 6);
}

import crypto from "node:crypto";

/**
 * The keys the server signs and salts with, each derived from one master secret (HMAC-SHA256 of a fixed label), so
 * one setting (`JEWELGUIDE_SECRET`, or the generated file in the data folder) covers them all and a leak of one derived
 * key reveals neither the master nor the others. Every web process and worker of one shop derives the same keys.
 */
export type ServerSecrets = {
  /** Signs the shopper cookie (`jg_shopper`): a browser cannot name or forge a shopper. */
  shopperCookieKey: Buffer;
  /** Signs the attribution of each served recommendation (request id, version, slot, surface, product, shopper). */
  attributionKey: Buffer;
  /** Salts the A/B arm hash, so nobody outside can compute which arm a shopper is in. */
  abTestSalt: string;
  /** What the worker's simulator sends (`x-jewelguide-worker-token`) to have its traffic stored as simulated. */
  workerToken: string;
};

export const MIN_SECRET_LENGTH = 32;

export function deriveServerSecrets(master: string): ServerSecrets {
  if (master.length < MIN_SECRET_LENGTH) {
    throw new Error(`the server secret must be at least ${MIN_SECRET_LENGTH} characters (got ${master.length})`);
  }
  const derive = (label: string) => crypto.createHmac("sha256", master).update(`jewelguide:${label}`).digest();
  return {
    shopperCookieKey: derive("shopper-cookie:v1"),
    attributionKey: derive("attribution:v1"),
    abTestSalt: derive("ab-test-salt:v1").toString("base64url"),
    workerToken: derive("worker-token:v1").toString("base64url"),
  };
}

/** Constant-time comparison of two strings (tokens, signatures). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

import crypto from "node:crypto";

export type AbArm = "A" | "B";

/** What splits a test's shoppers: its id (different tests split independently) and the share served by B. */
export type AbSplit = { id: number; shareB: number };

/**
 * The arm of a shopper in an A/B test: HMAC-SHA256 of "<testId>:<shopperId>" keyed with the server's A/B salt
 * (ServerSecrets.abTestSalt), its first 48 bits mapped to [0, 1); below `shareB` is arm B. The same shopper always
 * lands in the same arm of a test and different tests split independently; without the salt nobody outside the server
 * can compute (or choose an id for) an arm — a public hash let a client pick which version it is counted under.
 */
export function assignAbArm(test: AbSplit, shopperId: string, salt: string): AbArm {
  if (salt.length === 0) throw new Error("assignAbArm needs the server's A/B salt (ServerSecrets.abTestSalt)");
  const digest = crypto.createHmac("sha256", salt).update(`${test.id}:${shopperId}`).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48 < test.shareB ? "B" : "A";
}

import { hashToken } from "@jewelguide/model";

export type AbArm = "A" | "B";

/**
 * The arm of a shopper in an A/B test: a stable 32-bit FNV-1a hash of "<testId>:<shopperId>" mapped to [0, 1); below
 * `shareB` is arm B. The same shopper always lands in the same arm of a test; different tests split independently.
 */
export function assignAbArm(testId: number, shopperId: string, shareB: number): AbArm {
  return hashToUnit(`${testId}:${shopperId}`) < shareB ? "B" : "A";
}

/** A stable hash of the text mapped to [0, 1): the model's token hash (FNV-1a + murmur3 finaliser) over 2³². */
function hashToUnit(text: string): number {
  return hashToken(text) / 2 ** 32;
}

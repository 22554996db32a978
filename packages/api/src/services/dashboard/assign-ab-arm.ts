export type AbArm = "A" | "B";

/**
 * The arm of a shopper in an A/B test: a stable 32-bit FNV-1a hash of "<testId>:<shopperId>" mapped to [0, 1); below
 * `shareB` is arm B. The same shopper always lands in the same arm of a test; different tests split independently.
 */
export function assignAbArm(testId: number, shopperId: string, shareB: number): AbArm {
  return hashToUnit(`${testId}:${shopperId}`) < shareB ? "B" : "A";
}

export function hashToUnit(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32) so near-identical ids spread evenly.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}

import { createHash } from "node:crypto";
import { type CatalogItem, createInteractionDataset, createRecommender, createRng } from "@jewelguide/model";
import { describe, expect, it } from "vitest";
import { buildExplorationPool } from "../src/exploration/build-exploration-pool";
import type { RankedCandidate, VisitContext } from "../src/exploration/feed-policy";

const catalog: CatalogItem[] = Array.from({ length: 10 }, (_, i) => ({
  itemId: `p${i}`,
  category: "ring",
  metal: null,
  gem: null,
  color: null,
  gender: null,
  price: null,
  brand: null,
}));

async function contextFor(userId: string, leastShown: number[]): Promise<VisitContext> {
  const model = createRecommender("popularity", {});
  await model.fit(
    createInteractionDataset({
      interactions: [{ userId: "u", itemId: "p0", type: "purchase", timestamp: 0 }],
      catalog,
    }),
  );
  const ranked: RankedCandidate[] = [0, 1, 2, 3, 4, 5].map((itemIndex) => ({
    itemIndex,
    score: 6 - itemIndex,
    product: catalog[itemIndex] as CatalogItem,
  }));
  return {
    day: 0,
    shopperIndex: 0,
    userId,
    ranked,
    isExcluded: (itemIndex) => itemIndex === 2,
    scores: () => Float32Array.from(catalog, (_, index) => 10 - index),
    leastShown: () => Int32Array.from(leastShown),
    evidence: {
      impressions: Float64Array.from([5, 2, 3, 0, 1, 0, 0, 0, 0, 0]),
      rewards: Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 0, 0]),
    },
    model,
    catalogAt: catalog,
    rng: createRng(1),
  };
}

describe("buildExplorationPool (the feed's planExploration rule)", () => {
  it("takes half from the model's ranking by fewest impressions, half from the least-shown list at the shopper's offset", async () => {
    const least = [6, 7, 8, 9, 3, 2];
    const context = await contextFor("shopper-a", least);
    const greedy = [context.ranked[0] as RankedCandidate];
    const pool = buildExplorationPool(context, greedy, 4);
    // Model half: p0 is on the slate, p2 excluded; p3 and p5 were never shown (ties by rank), p4 once, p1 twice.
    expect(pool.slice(0, 2).map((candidate) => candidate.item.itemIndex)).toEqual([3, 5]);
    // Catalog half: the least-shown list walked from the shopper's offset, skipping p3 (in the pool) and p2 (excluded).
    const offset = createHash("sha1").update("shopper-a").digest().readUInt32BE(0);
    const walk = Array.from({ length: least.length }, (_, i) => least[(offset + i) % least.length] as number);
    const expected = walk.filter((index) => index !== 3 && index !== 2).slice(0, 2);
    expect(pool.slice(2).map((candidate) => candidate.item.itemIndex)).toEqual(expected);
    // Each candidate carries the model's score for the shopper and the day's evidence.
    for (const candidate of pool) {
      const index = candidate.item.itemIndex;
      expect(candidate.impressions).toBe(context.evidence.impressions[index]);
      expect(candidate.rewards).toBe(context.evidence.rewards[index]);
    }
    expect(pool[2]?.score).toBe(10 - (expected[0] as number));
  });

  it("never holds an item on the slate, excluded, or twice", async () => {
    const context = await contextFor("shopper-b", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const greedy = context.ranked.slice(0, 2) as RankedCandidate[];
    const pool = buildExplorationPool(context, greedy, 10);
    const indices = pool.map((candidate) => candidate.item.itemIndex);
    expect(new Set(indices).size).toBe(indices.length);
    expect(indices).not.toContain(0);
    expect(indices).not.toContain(1);
    expect(indices).not.toContain(2);
    expect(indices.sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });
});

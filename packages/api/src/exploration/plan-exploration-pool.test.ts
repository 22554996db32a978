import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildExplorationIndex, type ItemEvidence, type PoolProduct } from "./exploration-index";
import { type PoolItem, type PoolPlanInput, planExplorationPool } from "./plan-exploration-pool";

const product = (id: number, category = "ring", metal: string | null = null): PoolProduct => ({
  id,
  category,
  metal,
  inStock: true,
});

function inputFor(
  products: readonly PoolProduct[],
  evidence: Record<number, ItemEvidence>,
  overrides: Partial<PoolPlanInput<PoolProduct>> = {},
): PoolPlanInput<PoolProduct> {
  const evidenceOf = (id: number) => evidence[id] ?? { impressions: 0, rewards: 0 };
  const ranked: PoolItem<PoolProduct>[] = products.slice(0, 6).map((p, rank) => ({ product: p, score: 6 - rank }));
  return {
    ranked,
    greedy: ranked.slice(0, 1),
    isExcluded: (id) => id === 2,
    evidenceOf,
    index: buildExplorationIndex(products, evidenceOf),
    shopperId: "shopper-a",
    config: { poolSize: 4 },
    rules: { firstScreenSize: 12, maxPerCategory: 3 },
    ...overrides,
  };
}

describe("planExplorationPool (the feed's and the simulator's pool rule)", () => {
  const products = Array.from({ length: 10 }, (_, id) => product(id));
  const evidence = {
    0: { impressions: 5, rewards: 1 },
    1: { impressions: 2, rewards: 0 },
    2: { impressions: 3, rewards: 0 },
    4: { impressions: 1, rewards: 1 },
  };

  it("takes half from the model's ranking by fewest impressions, the rest from the least-shown list at the shopper's offset", () => {
    const input = inputFor(products, evidence);
    const { pool } = planExplorationPool(input);
    // Model half: p0 is on the slate, p2 excluded; p3 and p5 were never shown (ties by rank), p4 once, p1 twice.
    expect(pool.slice(0, 2).map((candidate) => candidate.item.product.id)).toEqual([3, 5]);
    // The rest: the least-shown list walked from the shopper's offset, skipping p3 and p5 (in the pool) and p2.
    const list = input.index.leastShown.map((p) => p.id);
    const offset = createHash("sha1").update("shopper-a").digest().readUInt32BE(0);
    const walk = list.map((_, i) => list[(offset + i) % list.length] as number);
    const expected = walk.filter((id) => ![3, 5, 2, 0].includes(id)).slice(0, 2);
    expect(pool.slice(2).map((candidate) => candidate.item.product.id)).toEqual(expected);
    // Each candidate carries the day's evidence; a product outside the ranking gets the ranking's lowest score.
    for (const candidate of pool) {
      expect(candidate.impressions).toBe(input.evidenceOf(candidate.item.product.id).impressions);
      expect(candidate.rewards).toBe(input.evidenceOf(candidate.item.product.id).rewards);
    }
    for (const candidate of pool.slice(2)) {
      const ranked = input.ranked.find((entry) => entry.product.id === candidate.item.product.id);
      expect(candidate.score).toBe(ranked?.score ?? 1);
    }
  });

  it("never holds an item on the slate, excluded, out of stock or twice", () => {
    const withSoldOut = [...products, { ...product(10), inStock: false }];
    const input = inputFor(withSoldOut, evidence, { config: { poolSize: 20 } });
    const { pool } = planExplorationPool({ ...input, greedy: input.ranked.slice(0, 2) });
    const ids = pool.map((candidate) => candidate.item.product.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it("lets an exploratory pick on the first screen keep its category within the cap", () => {
    const mixed = [product(0, "ring"), product(1, "ring"), product(2, "ring"), product(3, "ring"), product(4, "chain")];
    const input = inputFor(mixed, {}, { isExcluded: () => false, rules: { firstScreenSize: 4, maxPerCategory: 2 } });
    const { fits } = planExplorationPool({ ...input, greedy: input.ranked.slice(0, 1) });
    const ring = { product: product(3, "ring"), score: 0 };
    const chain = { product: product(4, "chain"), score: 0 };
    expect(fits(ring, 1, [])).toBe(true);
    expect(fits(ring, 1, [{ item: { product: product(2, "ring"), score: 0 }, slot: 0 }])).toBe(false);
    expect(fits(chain, 1, [])).toBe(true);
    // Past the first screen there is no cap.
    expect(fits(ring, 4, [{ item: { product: product(2, "ring"), score: 0 }, slot: 0 }])).toBe(true);
  });
});

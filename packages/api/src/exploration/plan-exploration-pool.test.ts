import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildExplorationIndex, type ItemEvidence, type PoolProduct } from "./exploration-index";
import { type PoolItem, type PoolPlanInput, planExplorationPool } from "./plan-exploration-pool";

const product = (id: number, category = "ring", metal: string | null = null): PoolProduct => ({
  id,
  category,
  metal,
  inStock: true,
  purchases: 0,
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
    taste: [],
    evidenceOf,
    index: buildExplorationIndex(products, evidenceOf),
    shopperId: "shopper-a",
    config: { poolSize: 4, slots: [3, 9] },
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

  it("takes half from the model's ranking by fewest impressions, a quarter to follow up, the rest least-shown at the shopper's offset", () => {
    const input = inputFor(
      products,
      { ...evidence, 1: { impressions: 2, rewards: 1 } },
      { config: { poolSize: 5, slots: [3, 9] } },
    );
    const { pool } = planExplorationPool(input);
    // Model half: p0 is on the slate, p2 excluded; p3 and p5 were never shown (ties by rank), p4 once, p1 twice.
    expect(pool.slice(0, 3).map((candidate) => candidate.item.product.id)).toEqual([3, 5, 4]);
    // Follow-up (one of five): p4 (1 of 1) is in the pool already, p1 (1 of 2) is next; p0 (1 of 5) is below the
    // catalog's rate (3 of 11).
    expect(input.index.followUp.map((p) => p.id)).toEqual([4, 1]);
    expect(pool[3]?.item.product.id).toBe(1);
    // The rest (a first visit: no taste): the least-shown list walked from the shopper's offset, skipping the pool.
    const list = input.index.leastShown.map((p) => p.id);
    const offset = createHash("sha1").update("shopper-a").digest().readUInt32BE(0);
    const walk = list.map((_, i) => list[(offset + i) % list.length] as number);
    const expected = walk.filter((id) => ![3, 5, 4, 1, 2, 0].includes(id)).slice(0, 1);
    expect(pool.slice(4).map((candidate) => candidate.item.product.id)).toEqual(expected);
    // Each candidate carries the day's evidence; a product outside the ranking gets the ranking's lowest score.
    for (const candidate of pool) {
      expect(candidate.impressions).toBe(input.evidenceOf(candidate.item.product.id).impressions);
      expect(candidate.rewards).toBe(input.evidenceOf(candidate.item.product.id).rewards);
    }
    for (const candidate of pool.slice(3)) {
      const ranked = input.ranked.find((entry) => entry.product.id === candidate.item.product.id);
      expect(candidate.score).toBe(ranked?.score ?? 1);
    }
  });

  it("never holds an item on the slate, excluded, out of stock or twice", () => {
    const withSoldOut = [...products, { ...product(10), inStock: false }];
    const input = inputFor(withSoldOut, evidence, { config: { poolSize: 20, slots: [3, 9] } });
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

  it("fills the catalog part from the shopper's taste first: category and metal, category, metal, in turn", () => {
    const shop = [
      product(0, "ring", "gold"),
      ...Array.from({ length: 4 }, (_, i) => product(1 + i, "ring", "gold")),
      ...Array.from({ length: 4 }, (_, i) => product(5 + i, "ring", "silver")),
      ...Array.from({ length: 4 }, (_, i) => product(9 + i, "chain", "gold")),
      ...Array.from({ length: 20 }, (_, i) => product(13 + i, "earring", "silver")),
    ];
    const input = inputFor(
      shop,
      {},
      {
        ranked: [],
        greedy: [{ product: product(40, "bracelet", null), score: 1 }],
        isExcluded: (id) => id === 0,
        taste: [shop[0] as PoolProduct],
        config: { poolSize: 8, slots: [3, 9] },
      },
    );
    const { pool } = planExplorationPool(input);
    const ids = pool.map((candidate) => candidate.item.product.id);
    // Six of eight (three quarters) match the taste, one from each key's list in turn: ring|gold, ring, gold.
    const taste = ids.slice(0, 6).map((id) => shop[id]);
    expect(taste.every((p) => p?.category === "ring" || p?.metal === "gold")).toBe(true);
    expect(taste[0]).toMatchObject({ category: "ring", metal: "gold" });
    expect(taste[1]?.category).toBe("ring");
    expect(taste[2]?.metal).toBe("gold");
    // The last quarter comes from the general least-shown list; nothing twice, the taste product itself excluded.
    expect(new Set(ids).size).toBe(8);
    expect(ids).not.toContain(0);
    // Another shopper with the same taste starts elsewhere in the same lists.
    const other = planExplorationPool({ ...input, shopperId: "shopper-b" }).pool.map((c) => c.item.product.id);
    expect(other).not.toEqual(ids);
  });

  it("follows up promising products that match the taste first", () => {
    const shop = [
      product(0, "ring", "gold"),
      product(1, "chain", "silver"),
      product(2, "ring", "gold"),
      product(3, "ring", "gold"),
    ];
    const evidenceById = {
      1: { impressions: 1, rewards: 1 },
      2: { impressions: 3, rewards: 1 },
      3: { impressions: 30, rewards: 0 },
    };
    const input = inputFor(shop, evidenceById, {
      ranked: [],
      greedy: [{ product: product(40, "bracelet", null), score: 1 }],
      isExcluded: (id) => id === 0,
      taste: [shop[0] as PoolProduct],
      config: { poolSize: 4, slots: [3, 9] },
    });
    expect(input.index.followUp.map((p) => p.id)).toEqual([1, 2]);
    const { pool } = planExplorationPool(input);
    // One follow-up slot of four: p2 matches the taste (ring, gold), so it goes before the better-rated p1.
    expect(pool[0]?.item.product.id).toBe(2);
  });

  it("leaves out products whose category is capped on the first screen when every exploration slot is on it", () => {
    const shop = [product(0, "ring"), product(1, "ring"), product(2, "ring"), product(3, "chain"), product(4, "ring")];
    const ranked = shop.slice(0, 3).map((p, rank) => ({ product: p, score: 3 - rank }));
    const base = inputFor(
      shop,
      {},
      {
        ranked,
        greedy: ranked.slice(0, 2),
        isExcluded: () => false,
        config: { poolSize: 10, slots: [1] },
        rules: { firstScreenSize: 12, maxPerCategory: 2 },
      },
    );
    expect(planExplorationPool(base).pool.map((c) => c.item.product.id)).toEqual([3]);
    // A slot past the first screen (within the slate) has no cap: every allowed product may fill it.
    const longer = {
      ...base,
      greedy: ranked.slice(0, 2),
      config: { poolSize: 10, slots: [1] },
      rules: { firstScreenSize: 1, maxPerCategory: 2 },
    };
    expect(
      planExplorationPool(longer)
        .pool.map((c) => c.item.product.id)
        .sort(),
    ).toEqual([2, 3, 4]);
  });
});

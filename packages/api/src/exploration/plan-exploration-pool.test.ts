import { createHash } from "node:crypto";
import { composeExploringSlate, createRng, DEFAULT_EXPLORATION_CONFIG } from "@jewelguide/model/exploration";
import { describe, expect, it } from "vitest";
import { buildExplorationIndex, type ItemEvidence, type PoolProduct } from "./exploration-index";
import { type PoolItem, type PoolPlanInput, planExplorationPool } from "./plan-exploration-pool";

const product = (id: number, category = "ring", metal: string | null = null): PoolProduct => ({
  id,
  category,
  metal,
  gem: null,
  gender: null,
  price: null,
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
    taste: [],
    evidenceOf,
    index: buildExplorationIndex(products, evidenceOf, () => false),
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
    const mixed = [product(0, "ring"), product(1, "chain"), product(2, "earring"), product(3, "earring")];
    const greedy = mixed.map((p, rank) => ({ product: p, score: 4 - rank }));
    const input = inputFor(mixed, {}, { isExcluded: () => false, rules: { firstScreenSize: 4, maxPerCategory: 2 } });
    const { fits } = planExplorationPool({ ...input, ranked: greedy, greedy });
    const ring = { product: product(5, "ring"), score: 0 };
    const chain = { product: product(6, "chain"), score: 0 };
    const earlierRing = { item: { product: product(4, "ring"), score: 0 }, slot: 1 };
    // First pick: the screen keeps three greedy picks (p0, p1, p2), one ring among them.
    expect(fits(ring, 1, [])).toBe(true);
    expect(fits(chain, 1, [])).toBe(true);
    // Second pick after a ring: two greedy picks stay (p0, p1), so a second exploratory ring would make three.
    expect(fits(ring, 2, [earlierRing])).toBe(false);
    expect(fits(chain, 2, [earlierRing])).toBe(true);
    // Past the first screen there is no cap.
    expect(fits(ring, 4, [earlierRing])).toBe(true);
  });

  it("fills the catalog part from the shopper's taste keys, one key in turn from the most specific, and tilts their scores by affinity", () => {
    const looks = (id: number, category: string, metal: string | null, gem: string | null, price: number | null) => ({
      ...product(id, category, metal),
      gem,
      gender: "female",
      price,
    });
    const shop = [
      looks(0, "ring", "gold", "diamond", 500),
      looks(1, "ring", "silver", null, 60),
      looks(2, "ring", "gold", null, 5000),
      looks(3, "chain", "gold", null, 500),
      looks(4, "ring", "gold", "diamond", 450),
      ...Array.from({ length: 20 }, (_, i) => looks(5 + i, "earring", "silver", null, 500)),
    ];
    const input = inputFor(
      shop,
      {},
      {
        ranked: [30, 20, 10].map((score, i) => ({ product: looks(40 + i, "bracelet", null, null, null), score })),
        greedy: [],
        isExcluded: (id) => id === 0,
        taste: [shop[0] as PoolProduct],
        config: { poolSize: 8, slots: [3, 9] },
      },
    );
    const { pool } = planExplorationPool(input);
    const ids = pool.slice(3).map((candidate) => candidate.item.product.id);
    // After the model's three, four of the five (three quarters) are the taste keys' products — the gold rings p2 and
    // p4 (ring|gold, the most specific key, walked first), the silver ring p1 (ring), the gold chain p3 (gold) — and
    // the earrings, which share no key, are not among them.
    expect([...ids.slice(0, 4)].sort()).toEqual([1, 2, 3, 4]);
    expect([2, 4]).toContain(ids[0]);
    // The rest is the general least-shown list: never the taste product itself, nothing twice.
    expect(new Set(ids).size).toBe(5);
    expect(ids).not.toContain(0);
    // Outside the ranking, a score between its lowest (10) and its median (20) by affinity to the shopper's products:
    // the same category, metal, gem, gender and price band (p4, 0.98), the gold ring at ten times the price (p2, 0.72),
    // the gold chain at the same price (p3, 0.50), the silver ring at an eighth of it (p1, 0.47); closer, higher.
    const scoreOf = (id: number) => pool.find((candidate) => candidate.item.product.id === id)?.score as number;
    expect(scoreOf(4)).toBeGreaterThan(scoreOf(2));
    expect(scoreOf(2)).toBeGreaterThan(scoreOf(3));
    expect(scoreOf(3)).toBeGreaterThan(scoreOf(1));
    expect(scoreOf(4)).toBeLessThanOrEqual(20);
    expect(scoreOf(1)).toBeGreaterThan(10);
    // A first visit (no taste): every product outside the ranking gets its lowest score.
    const firstVisit = planExplorationPool({ ...input, taste: [] }).pool.slice(3);
    expect(firstVisit.every((candidate) => candidate.score === 10)).toBe(true);
  });

  it("takes the taste keys' products the served model cannot rate, then the catalog's, before any rated product", () => {
    // Twenty gold rings; the model cannot rate p7 and p13 (added since it was trained) nor the earring p30, which
    // shares none of the shopper's keys.
    const shop = [
      ...Array.from({ length: 20 }, (_, id) => product(id, "ring", "gold")),
      product(30, "earring", "silver"),
    ];
    const unrated = new Set([7, 13, 30]);
    const evidenceOf = () => ({ impressions: 0, rewards: 0 });
    const input = inputFor(
      shop,
      {},
      {
        ranked: [],
        greedy: [{ product: product(40, "bracelet", null), score: 1 }],
        isExcluded: (id) => id === 0,
        taste: [shop[0] as PoolProduct],
        index: buildExplorationIndex(shop, evidenceOf, (id) => unrated.has(id)),
        config: { poolSize: 4, slots: [3, 9] },
      },
    );
    const ids = planExplorationPool(input).pool.map((c) => c.item.product.id);
    // The unrated products first: the taste part's two unrated gold rings, then the catalog's unrated list gives the
    // earring p30 (no key of the shopper's); only then, with no unrated product left, one rated gold ring.
    expect(new Set(ids.slice(0, 2))).toEqual(new Set([7, 13]));
    expect(ids[2]).toBe(30);
    expect(ids[3]).toBeLessThan(20);
    expect(ids).toHaveLength(4);
    // With every product rated, the taste part is the least-shown walk, which meets p7 and p13 only by chance.
    const rated = planExplorationPool({ ...input, index: buildExplorationIndex(shop, evidenceOf, () => false) });
    expect(rated.pool.map((c) => c.item.product.id).slice(0, 2)).not.toEqual(ids.slice(0, 2));
  });

  it("walks a taste key's list from an offset fixed per shopper, so shoppers of the same taste spread over it", () => {
    const shop = [product(0, "ring", "gold"), ...Array.from({ length: 30 }, (_, i) => product(1 + i, "ring", "gold"))];
    const input = inputFor(
      shop,
      {},
      {
        ranked: [],
        greedy: [{ product: product(40, "bracelet", null), score: 1 }],
        isExcluded: (id) => id === 0,
        taste: [shop[0] as PoolProduct],
        config: { poolSize: 4, slots: [3, 9] },
      },
    );
    const ids = planExplorationPool(input).pool.map((c) => c.item.product.id);
    const other = planExplorationPool({ ...input, shopperId: "shopper-b" }).pool.map((c) => c.item.product.id);
    expect(ids).toHaveLength(4);
    expect(other).not.toEqual(ids);
    // The same shopper gets the same pool (the propensities are replayable).
    expect(planExplorationPool(input).pool.map((c) => c.item.product.id)).toEqual(ids);
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

  it("leaves out products whose category would pass the cap on the first screen when every exploration slot is on it", () => {
    const shop = [
      product(0, "ring"),
      product(1, "ring"),
      product(2, "ring"),
      product(3, "chain"),
      product(4, "ring"),
      product(5, "chain"),
    ];
    const ranked = [0, 1, 3].map((id, rank) => ({ product: shop[id] as PoolProduct, score: 3 - rank }));
    const base = inputFor(
      shop,
      {},
      {
        ranked,
        greedy: ranked,
        isExcluded: () => false,
        config: { poolSize: 10, slots: [1] },
        rules: { firstScreenSize: 12, maxPerCategory: 2 },
      },
    );
    // The slate stays three long, so the greedy chain p3 drops off: the screen keeps the two rings, and a third
    // would pass the cap; a chain takes p3's place.
    expect(planExplorationPool(base).pool.map((c) => c.item.product.id)).toEqual([5]);
    // A slot past the first screen (within the slate) has no cap: every allowed product may fill it.
    const longer = { ...base, rules: { firstScreenSize: 1, maxPerCategory: 2 } };
    expect(
      planExplorationPool(longer)
        .pool.map((c) => c.item.product.id)
        .sort(),
    ).toEqual([2, 4, 5]);
  });

  it("counts only the greedy picks that stay on the first screen, so the dropped pick's category may explore", () => {
    const shop = [product(0, "ring"), product(1, "chain"), product(2, "chain"), product(3, "ring")];
    const greedy = [0, 1].map((id, rank) => ({ product: shop[id] as PoolProduct, score: 2 - rank }));
    const input = inputFor(
      shop,
      {},
      { ranked: greedy, greedy, isExcluded: () => false, rules: { firstScreenSize: 12, maxPerCategory: 1 } },
    );
    const { pool, fits } = planExplorationPool({ ...input, config: { poolSize: 10, slots: [1] } });
    // One slot: the ring p0 stays, the chain p1 drops off; a chain keeps one chain on the screen, a ring would make two.
    expect(pool.map((c) => c.item.product.id)).toEqual([2]);
    expect(fits({ product: shop[2] as PoolProduct, score: 0 }, 1, [])).toBe(true);
    expect(fits({ product: shop[3] as PoolProduct, score: 0 }, 1, [])).toBe(false);
  });

  it("keeps every category within the cap on the composed first screen, whichever slots stay greedy", () => {
    const categories = ["ring", "chain", "earring", "pendant"];
    const rules = { firstScreenSize: 8, maxPerCategory: 2 };
    for (let trial = 0; trial < 300; trial++) {
      const rng = createRng(trial + 1);
      const pick = () => categories[Math.floor(rng.next() * categories.length)] as string;
      const shop = Array.from({ length: 40 }, (_, id) => product(id, pick()));
      // The greedy slate as the feed builds it: the ranking with each category capped on the first screen.
      const greedy: PoolItem<PoolProduct>[] = [];
      const onScreen = new Map<string, number>();
      for (const candidate of shop.slice(0, 30)) {
        const count = onScreen.get(candidate.category) ?? 0;
        if (greedy.length < rules.firstScreenSize && count >= rules.maxPerCategory) continue;
        onScreen.set(candidate.category, count + 1);
        greedy.push({ product: candidate, score: 30 - candidate.id });
        if (greedy.length === 10) break;
      }
      const slots = [[2], [3, 6], [1, 4, 7], [2, 5, 7, 9]][trial % 4] as number[];
      const input = inputFor(
        shop,
        {},
        {
          ranked: greedy,
          greedy,
          isExcluded: () => false,
          rules,
          config: { poolSize: 1 + (trial % 6), slots },
        },
      );
      const { pool, fits } = planExplorationPool(input);
      const slate = composeExploringSlate({
        greedy,
        pool,
        config: { ...DEFAULT_EXPLORATION_CONFIG, slots },
        rng: createRng(trial),
        fits,
      });
      const counts = new Map<string, number>();
      for (const entry of slate.slice(0, rules.firstScreenSize)) {
        counts.set(entry.item.product.category, (counts.get(entry.item.product.category) ?? 0) + 1);
      }
      for (const [category, count] of counts) {
        expect(count, `trial ${trial}: ${category} on the first screen`).toBeLessThanOrEqual(rules.maxPerCategory);
      }
    }
  });

  it("puts the ranked products the served model cannot rate first in the model's half, least-shown first", () => {
    const shop = Array.from({ length: 12 }, (_, id) => product(id, "ring"));
    const evidenceById = { 5: { impressions: 4, rewards: 0 }, 9: { impressions: 0, rewards: 0 } };
    const ranked = shop.map((p, rank) => ({ product: p, score: 12 - rank }));
    const unrated = new Set([5, 9, 11]);
    const evidenceOf = (id: number) => evidenceById[id as 5 | 9] ?? { impressions: 0, rewards: 0 };
    const input = inputFor(shop, evidenceById, {
      ranked,
      greedy: ranked.slice(0, 2),
      isExcluded: () => false,
      index: buildExplorationIndex(shop, evidenceOf, (id) => unrated.has(id)),
      config: { poolSize: 8, slots: [9] },
      rules: { firstScreenSize: 12, maxPerCategory: 12 },
    });
    const ids = planExplorationPool(input).pool.map((c) => c.item.product.id);
    // The model's half (four): the unrated p9 and p11 (never shown, by rank), then p5 (shown four times), then none
    // left for the rated least-shown ranking.
    expect(ids.slice(0, 3)).toEqual([9, 11, 5]);
    expect(ids[3]).toBe(2);
  });

  it("fills the pool with unrated products from every part before any rated one, the model's best-ranked first", () => {
    // Forty rings: the model ranks the first thirty (p0 best); p3, p8, p20 and the unranked p31, p33, p35 are unrated,
    // and p31 earned a click on its one impression (a follow-up).
    const shop = Array.from({ length: 40 }, (_, id) => product(id, "ring", id % 2 === 0 ? "gold" : "silver"));
    const unrated = new Set([3, 8, 20, 31, 33, 35]);
    const evidenceById: Record<number, ItemEvidence> = {
      31: { impressions: 1, rewards: 1 },
      5: { impressions: 9, rewards: 0 },
    };
    const evidenceOf = (id: number) => evidenceById[id] ?? { impressions: 0, rewards: 0 };
    const ranked = shop.slice(0, 30).map((p, rank) => ({ product: p, score: 30 - rank }));
    const input = inputFor(shop, evidenceById, {
      ranked,
      greedy: ranked.slice(0, 2),
      isExcluded: () => false,
      taste: [shop[0] as PoolProduct],
      index: buildExplorationIndex(shop, evidenceOf, (id) => unrated.has(id)),
      config: { poolSize: 10, slots: [9] },
      rules: { firstScreenSize: 12, maxPerCategory: 12 },
    });
    const ids = planExplorationPool(input).pool.map((c) => c.item.product.id);
    // Six unrated products first — the model's three by rank, the follow-up p31, then the taste keys' p33 and p35 in
    // some order — and only then four rated ones.
    expect(ids.slice(0, 4)).toEqual([3, 8, 20, 31]);
    expect(new Set(ids.slice(4, 6))).toEqual(new Set([33, 35]));
    expect(ids.slice(6).every((id) => !unrated.has(id))).toBe(true);
    expect(ids).toHaveLength(10);
    // With as many unrated products as places, no rated one is taken.
    const small = planExplorationPool({ ...input, config: { poolSize: 5, slots: [9] } }).pool;
    expect(small.every((candidate) => unrated.has(candidate.item.product.id))).toBe(true);
  });
});

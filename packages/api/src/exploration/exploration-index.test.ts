import { describe, expect, it } from "vitest";
import { buildExplorationIndex, type ItemEvidence, type PoolProduct, tasteKeysOf } from "./exploration-index";

describe("buildExplorationIndex", () => {
  const product = (id: number, category: string, metal: string | null, inStock = true): PoolProduct => ({
    id,
    category,
    metal,
    gem: null,
    gender: null,
    price: null,
    inStock,
  });

  it("keeps the least-shown in-stock products overall and per taste key, never-shown first", () => {
    const products = [
      product(1, "ring", "gold"),
      product(2, "ring", "silver"),
      product(3, "ring", "gold", false),
      product(4, "chain", "gold"),
      product(5, "chain", null),
    ];
    const evidence: Record<number, ItemEvidence> = {
      1: { impressions: 4, rewards: 0 },
      4: { impressions: 1, rewards: 0 },
    };
    // The served model cannot rate products 3 (out of stock) and 4.
    const index = buildExplorationIndex(
      products,
      (id) => evidence[id] ?? { impressions: 0, rewards: 0 },
      (id) => id === 3 || id === 4,
    );
    expect(index.leastShown.map((p) => p.id).slice(2)).toEqual([4, 1]);
    expect(new Set(index.leastShown.slice(0, 2).map((p) => p.id))).toEqual(new Set([2, 5]));
    expect(index.leastShownByTaste.get("category+metal:ring|gold")?.map((p) => p.id)).toEqual([1]);
    expect(index.leastShownByTaste.get("metal:gold")?.map((p) => p.id)).toEqual([4, 1]);
    expect(index.leastShownByTaste.get("category:chain")?.map((p) => p.id)).toEqual([5, 4]);
    expect(tasteKeysOf(product(5, "chain", null))).toEqual(["category:chain"]);
    // The unrated products' lists: only the in-stock p4, under each of its keys.
    expect([...index.unratedByTaste.entries()].map(([key, list]) => [key, list.map((p) => p.id)])).toEqual([
      ["category+metal:chain|gold", [4]],
      ["category:chain", [4]],
      ["metal:gold", [4]],
    ]);
  });

  it("follows up products with a reward and thin evidence above the catalog's click rate, best first", () => {
    const products = Array.from({ length: 6 }, (_, id) => product(id, "ring", null));
    const evidence: Record<number, ItemEvidence> = {
      0: { impressions: 100, rewards: 2 }, // enough evidence: not followed up
      1: { impressions: 2, rewards: 1 },
      2: { impressions: 10, rewards: 1 },
      3: { impressions: 19, rewards: 0 }, // no reward
      4: { impressions: 1, rewards: 1 },
      5: { impressions: 19, rewards: 1 },
    };
    const index = buildExplorationIndex(
      products,
      (id) => evidence[id] ?? { impressions: 0, rewards: 0 },
      () => false,
    );
    // Catalog rate 6 / 151; smoothed rates: p4 0.36, p1 0.27, p2 0.09, p5 0.06 — all above it.
    expect(index.followUp.map((p) => p.id)).toEqual([4, 1, 2, 5]);
  });

  it("orders by impressions, then a fixed pseudo-random order: the same lists whenever rebuilt from the same evidence", () => {
    const products = [1, 2, 3, 4, 5, 6].map((id) => product(id, "ring", null));
    const evidence: Record<number, ItemEvidence> = {
      2: { impressions: 1, rewards: 0 },
      4: { impressions: 1, rewards: 0 },
    };
    const evidenceOf = (id: number) => evidence[id] ?? { impressions: 0, rewards: 0 };
    const order = buildExplorationIndex(products, evidenceOf, () => false).leastShown.map((p) => p.id);
    expect(new Set(order.slice(0, 4))).toEqual(new Set([1, 3, 5, 6]));
    expect(new Set(order.slice(4))).toEqual(new Set([2, 4]));
    // Not the catalog's order (the oldest products first), and the same from a reversed catalog.
    expect(order.slice(0, 4)).not.toEqual([1, 3, 5, 6]);
    expect(buildExplorationIndex([...products].reverse(), evidenceOf, () => false).leastShown.map((p) => p.id)).toEqual(
      order,
    );
  });
});

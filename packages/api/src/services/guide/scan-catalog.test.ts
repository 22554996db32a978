import { describe, expect, it } from "vitest";
import type { CachedProduct, ProductCatalog } from "../../model-serving/product-catalog";
import type { ServingSnapshot } from "../../model-serving/serving-snapshot";
import type { GuideConstraints } from "./guide-constraints";
import { scanCatalog } from "./scan-catalog";
import { suggestRelaxations } from "./suggest-relaxations";

function product(id: number, category: string, metal: string, price: number, inStock = true): CachedProduct {
  return {
    id,
    sku: `sku-${id}`,
    titleZh: `${id}`,
    titleEn: `${id}`,
    category,
    metal,
    gem: null,
    gender: null,
    price,
    currency: "USD",
    imageUrl: null,
    inStock,
    purchases: 0,
  };
}

const products = [
  product(1, "ring", "gold", 200), // matches
  product(2, "ring", "gold", 900), // price only
  product(3, "ring", "silver", 100), // metal only
  product(4, "necklace", "silver", 900), // three filters fail
  product(5, "ring", "gold", 250, false), // out of stock
  product(6, "ring", "gold", 150), // bought
  product(7, "ring", "gold", 120), // matches, unknown to the model
];

// The model knows products 1–6 at item indices 5, 4, 3, 2, 1, 0; product 7 is new to the catalog.
const snapshot = {
  catalog: { products } as unknown as ProductCatalog,
  productAt: [products[5], products[4], products[3], products[2], products[1], products[0]],
  modelIndexAt: Int32Array.from([5, 4, 3, 2, 1, 0, -1]),
} as unknown as ServingSnapshot;

const constraints: GuideConstraints = {
  category: "ring",
  metal: "gold",
  gem: null,
  gender: null,
  price: { min: null, max: 300, currency: "USD", minCatalog: null, maxCatalog: 300 },
  excluded: [],
  recipient: null,
  occasion: null,
  style: null,
};

describe("scanCatalog", () => {
  it("keeps eligible products matching every filter, by model index, and lists the ones the model never saw", () => {
    const scan = scanCatalog(snapshot, constraints, new Set([6]));
    expect(scan.total).toBe(2);
    expect([...scan.allowed]).toEqual([0, 0, 0, 0, 0, 1]);
    expect(scan.unseen.map((p) => p.id)).toEqual([7]);
  });

  it("counts, per set filter, the eligible products failing that filter alone", () => {
    const scan = scanCatalog(snapshot, constraints, new Set([6]));
    expect(Object.fromEntries(scan.failingOnly)).toEqual({ category: 0, metal: 1, price: 1 });
  });

  it("offers the drops that would give results when nothing matches, most results first", () => {
    const strict = { ...constraints, price: { ...constraints.price, maxCatalog: 50 } } as GuideConstraints;
    const scan = scanCatalog(snapshot, strict, new Set());
    expect(scan.total).toBe(0);
    // Without the price filter, 1, 2, 6 and 7 match; without the metal filter nothing (3 costs 100 > 50).
    expect(suggestRelaxations(scan.failingOnly)).toEqual([{ field: "price", count: 4 }]);
  });

  it("leaves out products with an excluded concept, and counts what lifting the exclusions would add", () => {
    const noGold = { ...constraints, metal: null, excluded: ["metal:gold", "category:necklace"] };
    const scan = scanCatalog(snapshot, noGold, new Set([6]));
    // Rings up to 300 USD that are not gold: only 3 (silver, 100); 1 and 7 are gold and fail the exclusion alone.
    expect(scan.total).toBe(1);
    expect(scan.failingOnly.get("excluded")).toBe(2);
  });
});

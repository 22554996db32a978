import { describe, expect, it } from "vitest";
import { attributeAffinity, tasteProfileOf } from "./attribute-affinity";
import type { PoolProduct } from "./exploration-index";

const item = (overrides: Partial<PoolProduct>): PoolProduct => ({
  id: 0,
  category: "ring",
  metal: "gold",
  gem: "diamond",
  gender: "female",
  price: 400,
  inStock: true,
  ...overrides,
});

describe("attributeAffinity (how close a product is to the shopper's products)", () => {
  const profile = tasteProfileOf([item({ id: 1 }), item({ id: 2, category: "necklace", price: 100 })]);

  it("weighs each attribute by the share of the shopper's products that have it", () => {
    expect(profile.categories.get("ring")).toBe(0.5);
    expect(profile.metals.get("gold")).toBe(1);
    // Identical on every attribute but the category's share (a half) and the price (median of 100 and 400: 400).
    expect(attributeAffinity(profile, item({ id: 3 }))).toBeCloseTo(0.35 * 0.5 + 0.25 + 0.15 + 0.1 + 0.15, 10);
    // A silver ring without a gem: the category only, and the price.
    expect(attributeAffinity(profile, item({ id: 4, metal: "silver", gem: null, gender: null }))).toBeCloseTo(
      0.35 * 0.5 + 0.15,
      10,
    );
  });

  it("counts a price half as close at twice or half the shopper's typical price, nothing when unknown", () => {
    const at = (price: number | null) =>
      attributeAffinity(profile, item({ id: 5, category: "chain", metal: null, gem: null, gender: null, price }));
    expect(at(400)).toBeCloseTo(0.15, 10);
    expect(at(800)).toBeCloseTo(0.075, 10);
    expect(at(200)).toBeCloseTo(0.075, 10);
    expect(at(null)).toBe(0);
    expect(at(0)).toBe(0);
  });

  it("gives every product 0 on a first visit", () => {
    expect(attributeAffinity(tasteProfileOf([]), item({ id: 6 }))).toBe(0);
  });
});

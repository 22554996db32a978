import { describeReason } from "@jewelguide/i18n";
import { describe, expect, it as vitestIt } from "vitest";
import { testDialects } from "../../test/test-dialects";
import { useSeededShop } from "../../test/use-seeded-shop";

describe.each(testDialects)("recommendations.similar and boughtTogether on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  const fixture = useSeededShop({ server, skip }, { publish: "itemknn" });
  const caller = () => fixture.caller();

  it("returns the model's nearest items, never the item itself or an out-of-stock one", async () => {
    const result = await caller().recommendations.similar({ sku: "ring-3", k: 10 });
    const skus = result.items.map((item) => item.sku);
    expect(skus.length).toBeGreaterThan(0);
    expect(skus).not.toContain("ring-3");
    expect(skus).not.toContain(fixture.shop.outOfStockSku);
    expect(result.items[0]?.category).toBe("ring");
    expect(result.items[0]?.reason.kind).toBe("similar-item");
    expect(result.items[0] && describeReason(result.items[0].reason, "en")).toMatch(
      /^Similar to “ring 3” \(similarity 0\.\d\d\)$/,
    );
    const scores = result.items.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("can include out-of-stock items when asked", async () => {
    const result = await caller().recommendations.similar({ sku: "ring-3", k: 10, inStockOnly: false });
    expect(result.items.map((item) => item.sku)).toContain(fixture.shop.outOfStockSku);
  });

  it("honours sameCategory and the price band exactly", async () => {
    const same = await caller().recommendations.similar({ sku: "earring-3", k: 40, sameCategory: true });
    expect(same.items.length).toBeGreaterThan(0);
    expect(same.items.every((item) => item.category === "earring")).toBe(true);
    // earring-3 costs 660: ±50% is 330–990.
    const banded = await caller().recommendations.similar({ sku: "earring-3", k: 40, priceBand: 0.5 });
    expect(banded.items.length).toBeGreaterThan(0);
    for (const item of banded.items) {
      expect(item.price).toBeGreaterThanOrEqual(330);
      expect(item.price).toBeLessThanOrEqual(990);
    }
  });

  it("falls back to popular items of the category for an item the model never saw", async () => {
    const result = await caller().recommendations.similar({ sku: "pendant-8", k: 3, sameCategory: true });
    expect(result.items.map((item) => item.reason.kind)).toEqual(Array(3).fill("popular-in-category"));
    expect(result.items.every((item) => item.category === "pendant")).toBe(true);
  });

  it("answers NOT_FOUND for an unknown SKU", async () => {
    const error = await caller()
      .recommendations.similar({ sku: "nope" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists items bought in the same orders, most shared orders first", async () => {
    const { items } = await caller().recommendations.boughtTogether({ sku: "earring-1", k: 4 });
    // earring-1 is bought by even shoppers together with earring-3/4/5 (first order of two).
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => ["earring-3", "earring-4", "earring-5"].includes(item.sku))).toBe(true);
    const first = items[0];
    expect(first?.reason).toMatchObject({ kind: "bought-together" });
    expect(first && describeReason(first.reason, "zh")).toMatch(/^\d+ 笔订单里与「earring1号」一起购买$/);
    const orders = items.map((item) => (item.reason.kind === "bought-together" ? item.reason.orders : 0));
    expect(orders).toEqual([...orders].sort((a, b) => b - a));
    expect((await caller().recommendations.boughtTogether({ sku: "ring-8" })).items).toEqual([]);
  });
});

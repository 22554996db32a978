import { randomUUID } from "node:crypto";
import { describe, expect, it as vitestIt } from "vitest";
import { withGuideTexts } from "../../shop-api/write-reply-texts";
import { testDialects } from "../../test/test-dialects";
import { useSeededShop } from "../../test/use-seeded-shop";

describe.each(testDialects)("guide.ask on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  const fixture = useSeededShop({ server, skip }, { publish: "itemknn" });
  const caller = (shopperId?: string) => fixture.caller(shopperId);

  it("turns a Chinese request into chips and filters exactly, converting CNY to the USD catalog", async () => {
    const answer = await caller().guide.ask({ text: "送妈妈的金手镯 预算5000", locale: "zh" });
    expect(answer.constraints).toMatchObject({ category: "bracelet", metal: "gold", gender: "female" });
    expect(answer.constraints.price).toMatchObject({ min: null, max: 5000, currency: "CNY" });
    const maxUsd = 5000 / 7.2;
    expect(answer.constraints.price?.maxCatalog).toBeCloseTo(maxUsd, 6);
    expect(answer.chips.map((chip) => chip.field)).toEqual(["category", "metal", "gender", "price", "recipient"]);
    expect(answer.chips.find((chip) => chip.field === "recipient")).toEqual({
      field: "recipient",
      value: "mother",
      filters: false,
    });
    // Written out by the one messages module (the HTTP API's texts; the page renders the same codes).
    const texts = withGuideTexts(answer, "zh");
    expect(texts.chips.find((chip) => chip.field === "price")?.label).toMatch(/¥5,000\.00 以内（约 US\$694\.44）/);
    expect(texts.chips.find((chip) => chip.field === "recipient")?.label).toBe("妈妈");
    for (const item of texts.items) {
      expect(item.why).toMatch(/^符合：手链 · 黄金 · 女款（不含男款） · ¥5,000\.00 以内（约 US\$694\.44）；/);
    }
    // Gold bracelets are the even numbers (360, 960, 1560, 2160 USD): only bracelet-2 fits 694.44 USD.
    expect(answer.items.map((item) => item.sku)).toEqual(["bracelet-2"]);
    expect(answer.total).toBe(1);
    for (const item of answer.items) {
      expect(item.category).toBe("bracelet");
      expect(item.metal).toBe("gold");
      expect(item.price).toBeLessThanOrEqual(maxUsd);
      // bracelet-2 is marked female: the gender chip counts as matched.
      expect(item.matched).toEqual(["category", "metal", "gender", "price"]);
    }
  });

  it("reads an English request with a USD budget and honours the bounds exactly", async () => {
    const answer = await caller().guide.ask({ text: "silver earrings between $300 and $1000", locale: "en" });
    expect(answer.constraints).toMatchObject({ category: "earring", metal: "silver" });
    expect(answer.constraints.price).toMatchObject({ min: 300, max: 1000, currency: "USD" });
    // Silver earrings are the odd numbers (60, 660, 1260, 1860 USD).
    expect(answer.items.map((item) => item.sku)).toEqual(["earring-3"]);
    expect(withGuideTexts(answer, "en").items[0]?.why).toMatch(/^Matches Earrings · Silver · \$300\.00–\$1,000\.00; /);
  });

  it("applies quick choices over the text and drops removed chips", async () => {
    const answer = await caller().guide.ask({
      text: "金戒指",
      choices: { category: "pendant", recipient: "husband", budgetMax: 2000, budgetCurrency: "USD" },
      drop: ["metal"],
      locale: "en",
    });
    expect(answer.constraints).toMatchObject({
      category: "pendant",
      metal: null,
      gender: "male",
      recipient: "husband",
    });
    expect(answer.items.length).toBeGreaterThan(0);
    for (const item of answer.items) {
      expect(item.category).toBe("pendant");
      expect(item.price).toBeLessThanOrEqual(2000);
    }
    // pendant-2/4/6 are women's pieces: the "for him" filter leaves them out.
    expect(answer.items.map((item) => item.sku)).not.toEqual(expect.arrayContaining(["pendant-2"]));
  });

  it("ranks within the constraints for the shopper and never returns bought or out-of-stock items", async () => {
    const answer = await caller(fixture.shop.ringBuyer).guide.ask({ text: "ring", locale: "en" });
    const skus = answer.items.map((item) => item.sku);
    expect(skus).not.toContain(fixture.shop.outOfStockSku);
    expect(skus).not.toContain(fixture.shop.boughtSku);
    expect(skus.every((sku) => sku.startsWith("ring-"))).toBe(true);
    expect(skus.slice(0, 2).sort()).toEqual(["ring-4", "ring-6"]);
    // ring-7 and ring-8 were never bought: the model never saw them, they follow by popularity.
    expect(skus.slice(2).sort()).toEqual(["ring-2", "ring-7", "ring-8"]);
  });

  it("uses the shopper's fresh views to order the picks", async () => {
    const shopperId = `guide-${randomUUID()}`;
    await caller(shopperId).events.log({
      events: [{ idempotencyKey: randomUUID(), type: "view", productId: fixture.shop.ids.get("necklace-1") ?? 0 }],
    });
    const answer = await caller(shopperId).guide.ask({ text: "", locale: "zh" });
    expect(answer.items[0]?.category).toBe("necklace");
    expect(answer.items[0]?.reason).toMatchObject({ kind: "similar-to-recent", action: "view" });
  });

  it("explains which constraint to relax when nothing matches, and relaxing it gives those results", async () => {
    // Gold rings cost 360 USD and up: nothing under 300. Dropping the price finds the 4 gold rings; dropping the
    // metal or the category finds nothing (ring-1, the one cheap ring, is out of stock).
    const answer = await caller().guide.ask({ text: "gold ring under $300", locale: "en" });
    expect(answer.items).toEqual([]);
    expect(answer.total).toBe(0);
    expect(answer.relaxations).toEqual([
      { field: "price", value: { min: null, max: 300, currency: "USD", minCatalog: null, maxCatalog: 300 }, count: 4 },
    ]);
    expect(withGuideTexts(answer, "en").relaxations[0]?.label).toBe("up to $300.00");
    const relaxed = await caller().guide.ask({ text: "gold ring under $300", drop: ["price"], locale: "en" });
    expect(relaxed.total).toBe(4);
    expect(relaxed.chips.map((chip) => chip.field)).toEqual(["category", "metal"]);
    expect(relaxed.items.every((item) => item.category === "ring" && item.metal === "gold")).toBe(true);
    const hopeless = await caller().guide.ask({ text: "platinum ring under $100", locale: "en" });
    expect(hopeless.relaxations).toEqual([]);
  });

  it("rejects unknown quick choices with BAD_REQUEST", async () => {
    const error = await caller()
      .guide.ask({ choices: { recipient: "martian" } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
  });
});

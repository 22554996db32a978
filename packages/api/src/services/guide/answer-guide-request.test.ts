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

  it("follows a conversation: each follow-up edits the constraints and the picks follow", async () => {
    const turns = ["silver earrings under $1500"];
    const ask = (more: string[]) => caller().guide.ask({ turns: [...turns, ...more], locale: "en" });
    // Silver earrings are the odd numbers (60, 660, 1260, 1860 USD).
    const first = await ask([]);
    expect(first.items.map((item) => item.sku).sort()).toEqual(["earring-1", "earring-3", "earring-5"]);
    expect(first.turns).toEqual([{ text: "silver earrings under $1500", kind: "new-request" }]);
    // "cheaper": 1500 / 1.5 → up to $1,000.
    const cheaper = await ask(["cheaper"]);
    expect(cheaper.constraints.price).toMatchObject({ min: null, max: 1000, currency: "USD" });
    expect(cheaper.items.map((item) => item.sku).sort()).toEqual(["earring-1", "earring-3"]);
    // earring-3 has a diamond.
    const noDiamonds = await ask(["cheaper", "no diamonds"]);
    expect(noDiamonds.items.map((item) => item.sku)).toEqual(["earring-1"]);
    expect(noDiamonds.chips.find((chip) => chip.field === "excluded")).toEqual({
      field: "excluded",
      value: ["gem:diamond"],
      filters: true,
    });
    expect(withGuideTexts(noDiamonds, "en").chips.find((chip) => chip.field === "excluded")?.label).toBe(
      "Not: Diamond",
    );
    expect(noDiamonds.items[0]?.matched).toEqual(["category", "metal", "price"]);
    // The category changes, the rest stays: silver necklaces up to $1,000 without diamonds.
    const necklaces = await ask(["cheaper", "no diamonds", "show me necklaces instead"]);
    expect(necklaces.state).toMatchObject({ category: "necklace", metal: "silver", priceMax: 1000 });
    expect(necklaces.items.map((item) => item.sku)).toEqual(["necklace-1"]);
    const gold = await ask(["cheaper", "no diamonds", "show me necklaces instead", "in gold instead"]);
    expect(gold.items.map((item) => item.sku).sort()).toEqual(["necklace-2", "necklace-4"]);
    expect(gold.turns.map((turn) => turn.kind)).toEqual(["new-request", "edit", "edit", "edit", "edit"]);
  });

  it("reads Chinese follow-ups against a CNY budget and leaves men's pieces out when asked", async () => {
    const ask = (turns: string[]) => caller().guide.ask({ turns, locale: "zh" });
    const start = ["送妈妈的金手镯 预算5000"];
    expect((await ask(start)).items.map((item) => item.sku)).toEqual(["bracelet-2"]);
    // ¥8,000 ≈ $1,111: gold bracelets 2 and 4.
    const raised = await ask([...start, "预算提高到8000"]);
    expect(raised.constraints.price).toMatchObject({ min: null, max: 8000, currency: "CNY" });
    expect(raised.items.map((item) => item.sku).sort()).toEqual(["bracelet-2", "bracelet-4"]);
    const silver = await ask([...start, "预算提高到8000", "换成银的"]);
    expect(silver.items.map((item) => item.sku).sort()).toEqual(["bracelet-1", "bracelet-3"]);
    // Gold rings 2, 4, 6 and 8 (in stock); ring-8 is a men's piece.
    const rings = await ask(["金戒指"]);
    expect(rings.total).toBe(4);
    const notForMen = await ask(["金戒指", "不要男款"]);
    expect(notForMen.total).toBe(3);
    expect(notForMen.items.map((item) => item.sku)).not.toContain("ring-8");
  });

  it("reads 'cheaper' without a budget as below the median price of the last answer", async () => {
    // Pendants cost 60…2160 USD, all in stock: the median is (960 + 1260) / 2 = 1110, rounded to 1100.
    const answer = await caller().guide.ask({ turns: ["pendant", "cheaper"], locale: "en" });
    expect(answer.constraints.price).toMatchObject({ min: null, max: 1100, currency: "USD" });
    expect(answer.total).toBe(4);
    // In CNY: 1110 × 7.2 = 7992, rounded to ¥8,000.
    const zh = await caller().guide.ask({ turns: ["吊坠", "便宜一点"], locale: "zh" });
    expect(zh.constraints.price).toMatchObject({ min: null, max: 8000, currency: "CNY" });
  });

  it("bounds the conversation with clear errors", async () => {
    const tooMany = await caller()
      .guide.ask({ turns: Array.from({ length: 11 }, () => "cheaper") })
      .catch((e: unknown) => e);
    expect(tooMany).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/at most 10 turns/) });
    const tooLong = await caller()
      .guide.ask({ turns: ["ring", "x".repeat(501)] })
      .catch((e: unknown) => e);
    expect(tooLong).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/at most 500 characters/) });
    const both = await caller()
      .guide.ask({ text: "ring", turns: ["necklace"] })
      .catch((e: unknown) => e);
    expect(both).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/either text .* or turns/) });
  });

  it("rejects unknown quick choices with BAD_REQUEST", async () => {
    const error = await caller()
      .guide.ask({ choices: { recipient: "martian" } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
  });
});

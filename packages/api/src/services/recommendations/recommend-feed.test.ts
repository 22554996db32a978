import { randomUUID } from "node:crypto";
import { describeReason } from "@jewelguide/i18n";
import { describe, expect, it as vitestIt } from "vitest";
import { trainAndPublish } from "../../model-serving/testing/seed-shop";
import { testDialects } from "../../test/test-dialects";
import { TEST_SECRETS } from "../../test/test-secrets";
import { useSeededShop } from "../../test/use-seeded-shop";
import { capPerCategory, interleaveCategories } from "./cap-per-category";
import { coldStartOrder } from "./cold-start-order";
import { DEFAULT_FEED_RULES } from "./feed-rules";
import { rankCandidates } from "./rank-candidates";
import { recommendFeed } from "./recommend-feed";

const audience = (shopperId: string) => ({ shopper: { externalId: shopperId }, secrets: TEST_SECRETS });

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe.each(testDialects)("recommendations.feed on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  const fixture = useSeededShop({ server, skip }, { publish: "itemknn" });
  const caller = (shopperId?: string) => fixture.caller(shopperId);

  it("gives a new shopper popular picks spread across categories, explained by purchase counts", async () => {
    const feed = await caller().recommendations.feed({ k: 12 });
    expect(feed).toMatchObject({ modelVersionId: fixture.versionId, modelKind: "itemknn", source: "active-version" });
    expect(feed.personalised).toBe(false);
    expect(feed.items).toHaveLength(12);
    const perCategory = countBy(feed.items, (item) => item.category);
    expect(Math.max(...perCategory.values())).toBeLessThanOrEqual(DEFAULT_FEED_RULES.maxPerCategory);
    expect(perCategory.size).toBe(5);
    expect(feed.items.map((item) => item.sku)).not.toContain(fixture.shop.outOfStockSku);
    expect(feed.items.map((item) => item.slot)).toEqual([...Array(12).keys()]);
    const first = feed.items[0];
    const purchases = await fixture.database.db.interaction.count({
      where: { productId: first?.id, type: "purchase" },
    });
    expect(first?.reason).toEqual({ kind: "popular-in-category", category: first?.category, purchases });
    expect(first && describeReason(first.reason, "zh")).toContain(`已售 ${purchases} 件`);
  });

  it("serves every first visit the model's own empty-profile ranking, computed once per snapshot", async () => {
    const snapshot = await fixture.runtime.serving.current();
    const pool = DEFAULT_FEED_RULES.candidatePool;
    const order = coldStartOrder(snapshot, pool);
    expect(coldStartOrder(snapshot, pool)).toBe(order);
    expect(order).toEqual(interleaveCategories(rankCandidates(snapshot, { recentItemIds: [] }, pool, [])));
    const expected = capPerCategory(order, 12, DEFAULT_FEED_RULES.firstScreenSize, DEFAULT_FEED_RULES.maxPerCategory);
    for (const shopperId of [undefined, `first-visit-${randomUUID()}`, `first-visit-${randomUUID()}`]) {
      const feed = await caller(shopperId).recommendations.feed({ k: 12 });
      expect(feed.items.map((item) => item.sku)).toEqual(expected.map((pick) => pick.product.sku));
    }
    // A new snapshot (new version or catalog reload) gets its own order.
    expect(coldStartOrder({ ...snapshot }, pool)).not.toBe(order);
  });

  it("never returns out-of-stock items or items the shopper bought, and personalises for a known shopper", async () => {
    const feed = await caller(fixture.shop.ringBuyer).recommendations.feed({ k: 20 });
    expect(feed.personalised).toBe(true);
    const skus = feed.items.map((item) => item.sku);
    expect(skus).not.toContain(fixture.shop.outOfStockSku);
    expect(skus).not.toContain(fixture.shop.boughtSku);
    expect(skus).not.toContain("ring-5");
    expect(feed.items[0]?.category).toBe("ring");
    expect(feed.items.every((item) => item.inStock)).toBe(true);
    expect(feed.items[0] && describeReason(feed.items[0].reason, "en")).toMatch(
      /^Similar to “ring \d”, which you bought$/,
    );
  });

  it("caps each category on the first screen even when the model prefers one", async () => {
    const shopperId = `capped-${randomUUID()}`;
    await caller(shopperId).events.log({
      events: [{ idempotencyKey: randomUUID(), type: "click", productId: fixture.shop.ids.get("earring-1") ?? 0 }],
    });
    const uncapped = await recommendFeed(fixture.runtime, { k: 12 }, audience(shopperId), {
      ...DEFAULT_FEED_RULES,
      maxPerCategory: 12,
    });
    expect(uncapped.items.filter((item) => item.category === "earring").length).toBeGreaterThan(3);
    const feed = await recommendFeed(fixture.runtime, { k: 12 }, audience(shopperId));
    expect(feed.items[0]?.category).toBe("earring");
    expect(feed.items.filter((item) => item.category === "earring")).toHaveLength(3);
    expect(Math.max(...countBy(feed.items, (item) => item.category).values())).toBeLessThanOrEqual(3);
  });

  it("shifts a new shopper's very next feed toward the category they just viewed (no retraining)", async () => {
    const shopperId = `new-${randomUUID()}`;
    const rules = { ...DEFAULT_FEED_RULES, maxPerCategory: 12 };
    const before = await recommendFeed(fixture.runtime, { k: 12 }, audience(shopperId), rules);
    const pendantsBefore = before.items.filter((item) => item.category === "pendant").length;
    const viewed = ["pendant-2", "pendant-4", "pendant-3"];
    await caller(shopperId).events.log({
      events: viewed.map((sku) => ({
        idempotencyKey: randomUUID(),
        type: "view",
        productId: fixture.shop.ids.get(sku) ?? 0,
      })),
    });
    const after = await recommendFeed(fixture.runtime, { k: 12 }, audience(shopperId), rules);
    expect(after.personalised).toBe(true);
    const pendantsAfter = after.items.filter((item) => item.category === "pendant");
    expect(pendantsAfter.length).toBeGreaterThan(pendantsBefore);
    expect(after.items.slice(0, 3).every((item) => item.category === "pendant")).toBe(true);
    // Viewed items are not shown again; the reason names a viewed item.
    expect(after.items.map((item) => item.sku)).not.toEqual(expect.arrayContaining(viewed));
    expect(after.items[0]?.reason).toMatchObject({ kind: "similar-to-recent", action: "view" });
    expect(after.items[0] && describeReason(after.items[0].reason, "zh")).toMatch(/^与您浏览过的「pendant\d号」相似$/);
    // With the default rules the first screen is still capped, and led by the viewed category.
    const capped = await caller(shopperId).recommendations.feed({ k: 12 });
    expect(capped.items[0]?.category).toBe("pendant");
    expect(capped.items.filter((item) => item.category === "pendant").length).toBeLessThanOrEqual(3);
  });

  it("picks up a newly published version on refresh, and serves popularity labelled as such", async () => {
    const popularityId = await trainAndPublish(fixture.database.db, "popularity");
    await fixture.runtime.serving.refresh();
    const feed = await caller().recommendations.feed({ k: 5 });
    expect(feed).toMatchObject({ modelVersionId: popularityId, modelKind: "popularity", source: "active-version" });
    await fixture.database.db.modelVersion.update({ where: { id: fixture.versionId }, data: { status: "retired" } });
    const { publishModelVersion } = await import("@jewelguide/db");
    await publishModelVersion(fixture.database.db, fixture.versionId);
    await fixture.runtime.serving.refresh();
    expect((await caller().recommendations.feed({ k: 5 })).modelVersionId).toBe(fixture.versionId);
  });

  it("answers BAD_REQUEST for a shopper id in the input (the cookie says whose feed) or a malformed k", async () => {
    for (const input of [{ shopperId: fixture.shop.ringBuyer }, { k: 0 }, { k: 500 }]) {
      const error = await caller()
        .recommendations.feed(input as { k?: number })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
    }
  });
});

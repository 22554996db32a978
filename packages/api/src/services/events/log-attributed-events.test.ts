import { randomUUID } from "node:crypto";
import { describe, expect, it as vitestIt } from "vitest";
import { ATTRIBUTION_MAX_AGE_MS, signAttribution } from "../../security/attribution-token";
import { deriveServerSecrets } from "../../security/server-secrets";
import { testDialects } from "../../test/test-dialects";
import { TEST_SECRETS } from "../../test/test-secrets";
import { useSeededShop } from "../../test/use-seeded-shop";
import type { LogEventsResult } from "./log-events";

const FOREIGN_KEY = deriveServerSecrets("another-shop-secret-abcdefghijklmnopqrstu").attributionKey;

describe.each(testDialects)("events.log attribution on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  const fixture = useSeededShop({ server, skip }, { publish: "itemknn" });
  const stored = (shopperId: string) =>
    fixture.database.db.interaction.findMany({
      where: { user: { externalId: shopperId } },
      orderBy: { id: "asc" },
      select: { type: true, productId: true, requestId: true, modelVersionId: true, slot: true, context: true },
    });
  const event = (type: "impression" | "click" | "cart", productId: number, attribution?: string) => ({
    idempotencyKey: randomUUID(),
    type,
    productId,
    ...(attribution === undefined ? {} : { attribution }),
  });

  it("stores a served item's click with its request, version, slot and surface, once per served item", async () => {
    const alice = `alice-${randomUUID()}`;
    const similar = await fixture.caller(alice).recommendations.similar({ sku: "ring-2", k: 3 });
    const item = similar.items[1];
    if (!item) throw new Error("expected similar items");
    const log = () => fixture.caller(alice).events.log({ events: [event("click", item.id, item.attribution)] });
    expect(await log()).toEqual({ stored: 1, duplicates: 0, unattributed: 0 });
    // Replaying the same attribution with fresh idempotency keys adds nothing.
    expect(await log()).toEqual({ stored: 0, duplicates: 1, unattributed: 0 });
    expect(await stored(alice)).toEqual([
      {
        type: "click",
        productId: item.id,
        requestId: similar.requestId,
        modelVersionId: fixture.versionId,
        slot: 1,
        context: { surface: "similar" },
      },
    ]);
  });

  it("stores without attribution what another shopper was served, another product, a forged or an expired token", async () => {
    const alice = `alice-${randomUUID()}`;
    const mallory = `mallory-${randomUUID()}`;
    const feed = await fixture.caller(alice).recommendations.feed({ k: 2 });
    const [first, second] = feed.items;
    if (!first || !second) throw new Error("expected two feed items");
    const forged = (key: Buffer, issuedAt: number, shopper = mallory) =>
      signAttribution(
        { requestId: randomUUID(), modelVersionId: fixture.versionId, surface: "feed", slot: 0, productId: first.id },
        shopper,
        key,
        issuedAt,
      );
    const tampered = first.attribution.replace(/\.feed\.0\./, ".feed.5.");
    const results: LogEventsResult[] = [];
    for (const [productId, attribution] of [
      [first.id, first.attribution], // Alice's token, Mallory's request
      [second.id, first.attribution], // for another product
      [first.id, tampered],
      [first.id, forged(FOREIGN_KEY, Date.now())],
      [first.id, forged(TEST_SECRETS.attributionKey, Date.now() - ATTRIBUTION_MAX_AGE_MS - 60_000)],
      [first.id, "not-a-token"],
    ] as const) {
      results.push(await fixture.caller(mallory).events.log({ events: [event("impression", productId, attribution)] }));
    }
    expect(results).toEqual(Array(6).fill({ stored: 1, duplicates: 0, unattributed: 1 }));
    const rows = await stored(mallory);
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row).toMatchObject({ requestId: null, modelVersionId: null, slot: null });
      expect(row.context).toEqual({});
    }
    // The same token is still good for the shopper it was served to.
    const own = await fixture.caller(alice).events.log({ events: [event("impression", first.id, first.attribution)] });
    expect(own).toEqual({ stored: 1, duplicates: 0, unattributed: 0 });
  });

  it("gives a cart or purchase without a token the shopper's own served attribution for that product, if any", async () => {
    const carol = `carol-${randomUUID()}`;
    const dave = `dave-${randomUUID()}`;
    const feed = await fixture.caller(carol).recommendations.feed({ k: 3 });
    const [served] = feed.items;
    if (!served) throw new Error("expected a feed item");
    const never = (fixture.shop.ids.get("ring-8") ?? 0) === served.id ? "ring-7" : "ring-8";
    const neverId = fixture.shop.ids.get(never) ?? 0;
    await fixture.caller(carol).events.log({ events: [event("click", served.id, served.attribution)] });
    // Dave clicked nothing: Carol's served list is not his.
    await fixture.caller(dave).events.log({ events: [event("cart", served.id)] });
    await fixture.caller(carol).events.log({ events: [event("cart", served.id), event("cart", neverId)] });
    await fixture.caller(carol).events.log({
      events: [{ idempotencyKey: randomUUID(), type: "purchase", productId: served.id, orderId: "o-1" }],
    });
    const rows = await stored(carol);
    const attributed = { requestId: feed.requestId, modelVersionId: fixture.versionId, slot: 0 };
    expect(rows.map((row) => [row.type, row.productId, row.requestId, row.modelVersionId, row.slot])).toEqual([
      ["click", served.id, ...Object.values(attributed)],
      ["cart", served.id, ...Object.values(attributed)],
      ["cart", neverId, null, null, null],
      ["purchase", served.id, ...Object.values(attributed)],
    ]);
    expect(rows[3]?.context).toMatchObject({ surface: "feed", demoCheckout: true });
    expect(await stored(dave)).toEqual([
      {
        type: "cart",
        productId: served.id,
        requestId: null,
        modelVersionId: null,
        slot: null,
        context: { action: "add" },
      },
    ]);
  });

  it("attributes guide and bought-together picks to their own surface (bought-together has no model version)", async () => {
    const bob = `bob-${randomUUID()}`;
    const guide = await fixture.caller(bob).guide.ask({ text: "ring", k: 1, locale: "en" });
    const together = await fixture.caller(bob).recommendations.boughtTogether({ sku: "earring-1", k: 1 });
    const pick = guide.items[0];
    const pair = together.items[0];
    if (!pick || !pair) throw new Error("expected a guide pick and a bought-together item");
    await fixture.caller(bob).events.log({
      events: [event("impression", pick.id, pick.attribution), event("cart", pair.id, pair.attribution)],
    });
    expect(await stored(bob)).toEqual([
      {
        type: "impression",
        productId: pick.id,
        requestId: guide.requestId,
        modelVersionId: fixture.versionId,
        slot: 0,
        context: { surface: "guide" },
      },
      {
        type: "cart",
        productId: pair.id,
        requestId: together.requestId,
        modelVersionId: null,
        slot: 0,
        context: { surface: "bought-together", action: "add" },
      },
    ]);
  });
});

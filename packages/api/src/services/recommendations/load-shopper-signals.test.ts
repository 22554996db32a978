import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { afterAll, beforeAll, describe, expect, it as vitestIt } from "vitest";
import { testDialects } from "../../test/test-dialects";
import { loadShopperSignals, NO_SIGNALS } from "./load-shopper-signals";

const NOW = Date.UTC(2026, 5, 15, 12);
const HOUR = 3_600_000;

describe.each(testDialects)("loadShopperSignals on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  let database: TestDatabase;
  const product: number[] = [];

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase({ postgresServerUrl: server });
    const { db } = database;
    for (let n = 0; n < 6; n++) {
      const created = await db.product.create({
        data: { sku: `p-${n}`, titleEn: `p ${n}`, titleZh: `p${n}`, category: "ring", price: 100 },
        select: { id: true },
      });
      product.push(created.id);
    }
    const shopper = await db.user.create({ data: { externalId: "shopper-a" }, select: { id: true } });
    const other = await db.user.create({ data: { externalId: "shopper-b" }, select: { id: true } });
    const events: Array<{ userId: number; n: number; type: string; hoursAgo: number; context?: object }> = [
      { userId: shopper.id, n: 0, type: "purchase", hoursAgo: 24 * 400 }, // old purchase: still counts
      { userId: shopper.id, n: 1, type: "view", hoursAgo: 24 * 30 }, // outside the window
      { userId: shopper.id, n: 2, type: "view", hoursAgo: 5 },
      { userId: shopper.id, n: 3, type: "cart", hoursAgo: 4 },
      { userId: shopper.id, n: 3, type: "cart", hoursAgo: 3, context: { action: "remove" } }, // a removal
      { userId: shopper.id, n: 4, type: "impression", hoursAgo: 2 }, // impressions say nothing about taste
      { userId: shopper.id, n: 5, type: "click", hoursAgo: 1 },
      { userId: shopper.id, n: 4, type: "purchase", hoursAgo: 1 },
      { userId: other.id, n: 1, type: "view", hoursAgo: 1 }, // someone else
    ];
    await db.interaction.createMany({
      data: events.map((event, i) => ({
        userId: event.userId,
        productId: product[event.n] ?? 0,
        type: event.type,
        occurredAt: new Date(NOW - event.hoursAgo * HOUR),
        source: "test",
        idempotencyKey: `signals-${i}`,
        context: event.context ?? {},
      })),
    });
  });

  afterAll(async () => {
    await database?.drop();
  });

  const load = (shopperId: string | undefined, limit = 50) =>
    loadShopperSignals(database.sql, shopperId, { windowMs: 7 * 24 * HOUR, limit, now: NOW });

  it("returns the recent actions in the window oldest first, without removals or impressions, and every purchase", async () => {
    const signals = await load("shopper-a");
    expect(signals.recent.map((action) => [action.productId, action.type])).toEqual([
      [product[2], "view"],
      [product[3], "cart"],
      [product[5], "click"],
    ]);
    expect(signals.recent[0]?.at).toEqual(new Date(NOW - 5 * HOUR));
    expect(signals.purchases.map((action) => action.productId)).toEqual([product[4], product[0]]);
    expect([...signals.purchasedIds].sort()).toEqual([product[0], product[4]].sort());
  });

  it("keeps only the newest `limit` recent actions, but all purchases", async () => {
    const signals = await load("shopper-a", 2);
    // The two newest of view / cart / cart-removal / click are the removal and the click; the removal is dropped.
    expect(signals.recent.map((action) => action.productId)).toEqual([product[5]]);
    expect(signals.purchases).toHaveLength(2);
  });

  it("replays a past moment with `before`: later events are left out, purchases included", async () => {
    const past = NOW - 3.5 * HOUR;
    const signals = await loadShopperSignals(database.sql, "shopper-a", {
      windowMs: 7 * 24 * HOUR,
      limit: 50,
      now: past,
      before: new Date(past),
    });
    expect(signals.recent.map((action) => [action.productId, action.type])).toEqual([
      [product[2], "view"],
      [product[3], "cart"],
    ]);
    expect(signals.purchases.map((action) => action.productId)).toEqual([product[0]]);
  });

  it("knows nothing of an unknown or absent shopper", async () => {
    expect(await load("nobody")).toEqual({ recent: [], purchases: [], purchasedIds: new Set() });
    expect(await load(undefined)).toBe(NO_SIGNALS);
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it as vitestIt } from "vitest";
import { readShopperCookie } from "../../security/shopper-cookie";
import { createTestCaller } from "../../test/create-test-caller";
import { createTestRuntime } from "../../test/create-test-runtime";
import { testDialects } from "../../test/test-dialects";
import { TEST_SECRETS } from "../../test/test-secrets";
import { useSeededShop } from "../../test/use-seeded-shop";
import { createMemoryCookieJar } from "../auth/cookie-jar";
import { SHOPPER_COOKIE } from "../auth/staff-cookie";
import { type LogEventsInput, MAX_EVENT_QUANTITY } from "./event-schemas";

describe.each(testDialects)("events.log and shopper lists on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  const fixture = useSeededShop({ server, skip });
  const caller = (shopperId?: string) => fixture.caller(shopperId);
  const id = (sku: string) => fixture.shop.ids.get(sku) ?? 0;

  it("stores impressions of a served feed with the request, slot and surface its attribution vouches for", async () => {
    const shopperId = `imp-${randomUUID()}`;
    const feed = await caller(shopperId).recommendations.feed({ k: 2 });
    const result = await caller(shopperId).events.log({
      events: feed.items.map((item) => ({
        idempotencyKey: randomUUID(),
        type: "impression",
        productId: item.id,
        attribution: item.attribution,
      })),
    });
    expect(result).toEqual({ stored: 2, duplicates: 0, unattributed: 0 });
    const rows = await fixture.database.db.interaction.findMany({
      where: { user: { externalId: shopperId } },
      orderBy: { slot: "asc" },
      select: {
        type: true,
        productId: true,
        slot: true,
        requestId: true,
        modelVersionId: true,
        source: true,
        context: true,
      },
    });
    expect(rows).toEqual(
      feed.items.map((item, slot) => ({
        type: "impression",
        productId: item.id,
        slot,
        requestId: feed.requestId,
        modelVersionId: feed.modelVersionId,
        source: "web",
        context: { surface: "feed" },
      })),
    );
  });

  it("stores a re-sent event once", async () => {
    const shopperId = `dup-${randomUUID()}`;
    const event = { idempotencyKey: randomUUID(), type: "click" as const, productId: id("ring-2") };
    const log = (events: LogEventsInput["events"]) => caller(shopperId).events.log({ events });
    expect(await log([event])).toEqual({ stored: 1, duplicates: 0, unattributed: 0 });
    expect(await log([event])).toEqual({ stored: 0, duplicates: 1, unattributed: 0 });
    const both = [event, { ...event, idempotencyKey: randomUUID() }];
    expect(await log(both)).toEqual({ stored: 1, duplicates: 1, unattributed: 0 });
    expect(await fixture.database.db.interaction.count({ where: { user: { externalId: shopperId } } })).toBe(2);
    expect(await fixture.database.db.user.count({ where: { externalId: shopperId } })).toBe(1);
  });

  it("stores concurrent re-sends once", async () => {
    const shopperId = `race-${randomUUID()}`;
    const event = { idempotencyKey: randomUUID(), type: "view" as const, productId: id("ring-4") };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => caller(shopperId).events.log({ events: [event] })),
    );
    expect(results.reduce((sum, r) => sum + r.stored, 0)).toBe(1);
    expect(await fixture.database.db.interaction.count({ where: { user: { externalId: shopperId } } })).toBe(1);
  });

  it("rejects bad input, and every field the server decides itself, with BAD_REQUEST naming it", async () => {
    const good = { idempotencyKey: randomUUID(), type: "view" as const, productId: id("ring-2") };
    const purchase = { ...good, type: "purchase" as const };
    const cases: Array<[unknown, RegExp]> = [
      [{ shopperId: fixture.shop.ringBuyer, events: [good] }, /shopperId/],
      [{ simulated: true, events: [good] }, /simulated/],
      [{ demoCheckout: false, events: [purchase] }, /demoCheckout/],
      [{ events: [{ ...good, modelVersionId: 1 }] }, /modelVersionId/],
      [{ events: [{ ...good, requestId: randomUUID(), slot: 0 }] }, /requestId|slot/],
      [{ events: [{ ...good, price: 1 }] }, /price/],
      [{ events: [{ ...good, surface: "feed" }] }, /surface/],
      [{ events: [{ ...purchase, quantity: MAX_EVENT_QUANTITY + 1 }] }, /quantity/],
      [{ events: [{ ...purchase, quantity: 0 }] }, /quantity/],
      [{ events: [{ ...good, idempotencyKey: "not-a-uuid" }] }, /idempotencyKey/],
      [{ events: [{ ...good, type: "like" }] }, /type/],
      [{ events: [] }, /events/],
      [{ events: [{ ...good, action: "remove" }] }, /action/],
      [{ events: [{ ...good, productId: 999999 }] }, /999999/],
    ];
    for (const [input, message] of cases) {
      // Deliberately malformed input: the procedure's own validation must answer.
      const error = await caller("shopper-ok-1")
        .events.log(input as LogEventsInput)
        .catch((e: unknown) => e);
      expect(error, JSON.stringify(input)).toMatchObject({ code: "BAD_REQUEST" });
      expect(String((error as Error).message)).toMatch(message);
    }
    expect(await fixture.database.db.user.count({ where: { externalId: "shopper-ok-1" } })).toBe(0);
  });

  it("derives favourites and cart from the latest event per item; a purchase is a demo checkout at catalog price", async () => {
    const shopperId = `lists-${randomUUID()}`;
    const log = (type: "favorite" | "cart" | "purchase", sku: string, action?: "add" | "remove") =>
      caller(shopperId).events.log({
        events: [
          {
            idempotencyKey: randomUUID(),
            type,
            productId: id(sku),
            ...(action ? { action } : {}),
            ...(type === "purchase" ? { orderId: "demo-order-1", quantity: 2 } : {}),
          },
        ],
      });
    await log("favorite", "ring-2");
    await log("favorite", "necklace-2");
    await log("favorite", "ring-2", "remove");
    await log("cart", "pendant-2");
    await log("cart", "bracelet-2");
    const favourites = await caller(shopperId).shopper.listItems({ list: "favorite" });
    expect(favourites.map((item) => item.id)).toEqual([id("necklace-2")]);
    const cart = await caller(shopperId).shopper.listItems({ list: "cart" });
    expect(cart.map((item) => item.id)).toEqual([id("bracelet-2"), id("pendant-2")]);
    await log("purchase", "pendant-2");
    const after = await caller(shopperId).shopper.listItems({ list: "cart" });
    expect(after.map((item) => item.id)).toEqual([id("bracelet-2")]);
    const product = await fixture.database.db.product.findUniqueOrThrow({
      where: { id: id("pendant-2") },
      select: { price: true, currency: true },
    });
    const purchase = await fixture.database.db.interaction.findFirst({
      where: { user: { externalId: shopperId }, type: "purchase" },
      select: { price: true, quantity: true, orderId: true, source: true, context: true },
    });
    expect(purchase).toEqual({
      price: product.price,
      quantity: 2,
      orderId: "demo-order-1",
      source: "web",
      context: { demoCheckout: true, currency: product.currency },
    });
    // Another shopper, or no shopper, sees none of it.
    expect(await caller(`other-${randomUUID()}`).shopper.listItems({ list: "cart" })).toEqual([]);
    expect(await caller().shopper.listItems({ list: "cart" })).toEqual([]);
  });

  it("gives a request without a shopper a new server-made identity and its signed, HttpOnly cookie", async () => {
    const set: Array<{ name: string; value: string; httpOnly: boolean; secure: boolean }> = [];
    const memory = createMemoryCookieJar();
    const cookies = {
      get: memory.get,
      set: (
        name: string,
        value: string,
        options: { httpOnly: boolean; secure: boolean; path: string; maxAge: number; sameSite: "lax" | "strict" },
      ) => {
        set.push({ name, value, httpOnly: options.httpOnly, secure: options.secure });
        memory.set(name, value, options);
      },
    };
    const db = fixture.database;
    const anonymous = createTestCaller(createTestRuntime(db), { cookies, client: { secure: true } });
    const result = await anonymous.events.log({
      events: [{ idempotencyKey: randomUUID(), type: "favorite", productId: id("ring-2") }],
    });
    expect(result.stored).toBe(1);
    expect(set).toHaveLength(1);
    expect(set[0]).toMatchObject({ name: SHOPPER_COOKIE, httpOnly: true, secure: true });
    const issued = readShopperCookie(set[0]?.value, TEST_SECRETS.shopperCookieKey);
    expect(issued).toMatch(/^w_[A-Za-z0-9_-]{22}$/);
    // The cookie now names that shopper: their favourite is theirs on the next request.
    const next = createTestCaller(createTestRuntime(db), {
      cookies: createMemoryCookieJar({ [SHOPPER_COOKIE]: set[0]?.value ?? "" }),
    });
    expect((await next.shopper.listItems({ list: "favorite" })).map((item) => item.id)).toEqual([id("ring-2")]);
  });
});

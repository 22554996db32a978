import { randomUUID } from "node:crypto";
import { describe, expect, it as vitestIt } from "vitest";
import { testDialects } from "../../test/test-dialects";
import { useSeededShop } from "../../test/use-seeded-shop";
import type { LogEventsInput } from "./event-schemas";

describe.each(testDialects)("events.log and shopper lists on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  const fixture = useSeededShop({ server, skip });
  const caller = () => fixture.caller();
  const id = (sku: string) => fixture.shop.ids.get(sku) ?? 0;

  it("stores impressions with slot, request and model version, creating the shopper on first event", async () => {
    const shopperId = `imp-${randomUUID()}`;
    const requestId = randomUUID();
    const result = await caller().events.log({
      shopperId,
      events: ["ring-2", "earring-2"].map((sku, slot) => ({
        idempotencyKey: randomUUID(),
        type: "impression",
        productId: id(sku),
        slot,
        requestId,
        modelVersionId: null,
        surface: "feed",
      })),
    });
    expect(result).toEqual({ stored: 2, duplicates: 0 });
    const rows = await fixture.database.db.interaction.findMany({
      where: { user: { externalId: shopperId } },
      orderBy: { slot: "asc" },
      select: { type: true, slot: true, requestId: true, source: true, context: true },
    });
    expect(rows).toEqual([
      { type: "impression", slot: 0, requestId, source: "web", context: { surface: "feed" } },
      { type: "impression", slot: 1, requestId, source: "web", context: { surface: "feed" } },
    ]);
  });

  it("stores a re-sent event once", async () => {
    const shopperId = `dup-${randomUUID()}`;
    const event = { idempotencyKey: randomUUID(), type: "click" as const, productId: id("ring-2") };
    expect(await caller().events.log({ shopperId, events: [event] })).toEqual({ stored: 1, duplicates: 0 });
    expect(await caller().events.log({ shopperId, events: [event] })).toEqual({ stored: 0, duplicates: 1 });
    const both = [event, { ...event, idempotencyKey: randomUUID() }];
    expect(await caller().events.log({ shopperId, events: both })).toEqual({ stored: 1, duplicates: 1 });
    expect(await fixture.database.db.interaction.count({ where: { user: { externalId: shopperId } } })).toBe(2);
    expect(await fixture.database.db.user.count({ where: { externalId: shopperId } })).toBe(1);
  });

  it("stores concurrent re-sends once", async () => {
    const shopperId = `race-${randomUUID()}`;
    const event = { idempotencyKey: randomUUID(), type: "view" as const, productId: id("ring-4") };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => caller().events.log({ shopperId, events: [event] })),
    );
    expect(results.reduce((sum, r) => sum + r.stored, 0)).toBe(1);
    expect(await fixture.database.db.interaction.count({ where: { user: { externalId: shopperId } } })).toBe(1);
  });

  it("rejects bad input with BAD_REQUEST naming the problem", async () => {
    const good = { idempotencyKey: randomUUID(), type: "view" as const, productId: id("ring-2") };
    const cases: Array<[unknown, RegExp]> = [
      [{ shopperId: "x", events: [good] }, /shopperId/],
      [{ shopperId: "shopper-ok-1", events: [{ ...good, idempotencyKey: "not-a-uuid" }] }, /idempotencyKey/],
      [{ shopperId: "shopper-ok-1", events: [{ ...good, type: "like" }] }, /type/],
      [{ shopperId: "shopper-ok-1", events: [] }, /events/],
      [{ shopperId: "shopper-ok-1", events: [{ ...good, action: "remove" }] }, /action/],
      [{ shopperId: "shopper-ok-1", events: [{ ...good, productId: 999999 }] }, /999999/],
    ];
    for (const [input, message] of cases) {
      // Deliberately malformed input: the procedure's own validation must answer.
      const error = await caller()
        .events.log(input as LogEventsInput)
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      expect(String((error as Error).message)).toMatch(message);
    }
  });

  it("derives favourites and cart from the latest event per item; a demo purchase empties the cart line", async () => {
    const shopperId = `lists-${randomUUID()}`;
    const log = (type: "favorite" | "cart" | "purchase", sku: string, action?: "add" | "remove") =>
      caller().events.log({
        shopperId,
        demoCheckout: type === "purchase",
        events: [
          {
            idempotencyKey: randomUUID(),
            type,
            productId: id(sku),
            ...(action ? { action } : {}),
            ...(type === "purchase" ? { orderId: "demo-order-1" } : {}),
          },
        ],
      });
    await log("favorite", "ring-2");
    await log("favorite", "necklace-2");
    await log("favorite", "ring-2", "remove");
    await log("cart", "pendant-2");
    await log("cart", "bracelet-2");
    const favourites = await caller().shopper.listItems({ shopperId, list: "favorite" });
    expect(favourites.map((item) => item.id)).toEqual([id("necklace-2")]);
    const cart = await caller().shopper.listItems({ shopperId, list: "cart" });
    expect(cart.map((item) => item.id)).toEqual([id("bracelet-2"), id("pendant-2")]);
    await log("purchase", "pendant-2");
    const after = await caller().shopper.listItems({ shopperId, list: "cart" });
    expect(after.map((item) => item.id)).toEqual([id("bracelet-2")]);
    const purchase = await fixture.database.db.interaction.findFirst({
      where: { user: { externalId: shopperId }, type: "purchase" },
      select: { price: true, orderId: true, context: true },
    });
    expect(purchase).toEqual({ price: 360, orderId: "demo-order-1", context: { demoCheckout: true } });
    expect(await caller().shopper.listItems({ shopperId: "nobody-at-all", list: "cart" })).toEqual([]);
  });
});

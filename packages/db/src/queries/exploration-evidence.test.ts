import { afterAll, beforeAll, describe, expect, it as vitestIt } from "vitest";
import { createTestDatabase, type TestDatabase, testPostgresServerUrl } from "../testing";
import { listExplorationEvidence } from "./exploration-evidence";

const postgresServer = testPostgresServerUrl();
const dialects = [
  { name: "sqlite", server: undefined, skip: false },
  { name: "postgresql", server: postgresServer, skip: postgresServer === undefined },
] as const;

describe.each(dialects)("exploration evidence on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  let database: TestDatabase;

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase({ postgresServerUrl: server });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("counts each product's impressions and the impressions with an attributed click, cart or purchase", async () => {
    const { db } = database;
    const product = (sku: string) =>
      db.product.create({ data: { sku, titleZh: sku, titleEn: sku, category: "ring", price: 10 } });
    const ring = await product("R-1");
    const pendant = await product("P-1");
    const unseen = await product("U-1");
    const shopper = await db.user.create({ data: { externalId: "s-1" } });
    const impression = (requestId: string, slot: number, productId: number) => ({
      requestId,
      slot,
      productId,
      shopperId: "s-1",
      modelVersionId: null,
      policy: "thompson-beta/1",
      propensity: 0.25,
      exploratory: true,
      surface: "feed",
      servedAt: new Date(Date.now() - 5 * 60_000),
    });
    await db.impression.createMany({
      data: [
        impression("req-1", 0, ring.id),
        impression("req-1", 1, pendant.id),
        impression("req-2", 0, ring.id),
        impression("req-3", 5, ring.id),
      ],
    });
    let key = 0;
    const now = Date.now();
    const event = (type: string, productId: number, requestId: string | null, slot: number | null, at = now) =>
      db.interaction.create({
        data: {
          userId: shopper.id,
          productId,
          type,
          occurredAt: new Date(at),
          source: "web",
          idempotencyKey: `k${key++}`,
          requestId,
          slot,
        },
      });
    // req-1 slot 0: a click and a cart on the same impression count once, from the click's time on.
    await event("click", ring.id, "req-1", 0, now - 60_000);
    await event("cart", ring.id, "req-1", 0);
    // req-2 slot 0: only an impression event and a view: no reward.
    await event("impression", ring.id, "req-2", 0);
    await event("view", ring.id, "req-2", 0);
    // A purchase naming a slot of another product, and an unattributed purchase: no reward.
    await event("purchase", pendant.id, "req-3", 5);
    await event("purchase", ring.id, null, null);
    // req-1 slot 1: the pendant's purchase.
    await event("purchase", pendant.id, "req-1", 1);
    const at = async (time: number) =>
      (await listExplorationEvidence(database.sql, new Date(time))).sort((a, b) => a.productId - b.productId);
    const rows = await at(now + 1_000);
    expect(rows).toEqual([
      { productId: ring.id, impressions: 3, rewards: 1 },
      { productId: pendant.id, impressions: 1, rewards: 1 },
    ]);
    expect(rows.map((row) => row.productId)).not.toContain(unseen.id);
    // As the logs stood half a minute ago: the ring's click had happened, the pendant's purchase not yet.
    expect(await at(now - 30_000)).toEqual([
      { productId: ring.id, impressions: 3, rewards: 1 },
      { productId: pendant.id, impressions: 1, rewards: 0 },
    ]);
    // Before anything was served: nothing.
    expect(await at(now - 10 * 60_000)).toEqual([]);
  });
});

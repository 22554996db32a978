import { afterAll, beforeAll, describe, expect, it as vitestIt } from "vitest";
import { createTestDatabase, type TestDatabase, testPostgresServerUrl } from "../testing";
import { readActiveVersionId } from "./active-version-id";
import { listCatalogProducts } from "./catalog-products";
import { readCatalogStampRow } from "./catalog-stamp";
import { listPurchaseLines } from "./purchase-lines";
import { readRunningAbTest } from "./running-ab-test";
import { listShopperSignalEvents } from "./shopper-signal-events";

const postgresServer = testPostgresServerUrl();
const dialects = [
  { name: "sqlite", server: undefined, skip: false },
  { name: "postgresql", server: postgresServer, skip: postgresServer === undefined },
] as const;

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-11-30T12:00:00.000Z");

/** The serving hot path's reads on the SQL reader: the same typed rows (numbers, booleans, Dates, parsed JSON) on both. */
describe.each(dialects)("serving queries on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  let database: TestDatabase;
  let ringId = 0;
  let pendantId = 0;

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase({ postgresServerUrl: server });
    const product = (sku: string, inStock: boolean) =>
      database.db.product.create({
        data: { sku, titleZh: sku, titleEn: sku, category: "ring", metal: "gold", price: 12.5, inStock },
      });
    ringId = (await product("R-1", true)).id;
    pendantId = (await product("P-1", false)).id;
    const shopper = await database.db.user.create({ data: { externalId: "shopper-1" } });
    const other = await database.db.user.create({ data: { externalId: "shopper-2" } });
    let key = 0;
    const log = (userId: number, productId: number, type: string, ageMs: number, extra: object = {}) =>
      database.db.interaction.create({
        data: {
          userId,
          productId,
          type,
          occurredAt: new Date(NOW.getTime() - ageMs),
          source: "web",
          idempotencyKey: `k${key++}`,
          ...extra,
        },
      });
    await log(shopper.id, ringId, "view", DAY, { context: { action: "remove" } });
    await log(shopper.id, pendantId, "cart", 2 * DAY);
    await log(shopper.id, pendantId, "view", 30 * DAY);
    await log(shopper.id, ringId, "impression", DAY);
    await log(shopper.id, ringId, "purchase", 90 * DAY, { orderId: "o1" });
    await log(shopper.id, pendantId, "purchase", 90 * DAY, { orderId: "o1" });
    await log(other.id, ringId, "view", DAY);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("lists a shopper's purchases and recent actions with Dates and parsed context", async () => {
    const rows = await listShopperSignalEvents(database.sql, "shopper-1", new Date(NOW.getTime() - 7 * DAY));
    const sorted = [...rows].sort((a, b) => a.id - b.id);
    expect(sorted.map((row) => [row.productId, row.type])).toEqual([
      [ringId, "view"],
      [pendantId, "cart"],
      [ringId, "purchase"],
      [pendantId, "purchase"],
    ]);
    expect(sorted[0]?.at).toEqual(new Date(NOW.getTime() - DAY));
    expect(sorted[0]?.context).toEqual({ action: "remove" });
    expect(sorted[1]?.context).toEqual({});
    expect(typeof sorted[0]?.id).toBe("number");
    expect(await listShopperSignalEvents(database.sql, "nobody", new Date(0))).toEqual([]);
  });

  it("lists the catalog's products with numbers and booleans, by id", async () => {
    const products = await listCatalogProducts(database.sql);
    expect(products).toEqual([
      expect.objectContaining({ id: ringId, sku: "R-1", price: 12.5, inStock: true, metal: "gold", gem: null }),
      expect.objectContaining({ id: pendantId, sku: "P-1", inStock: false, imageUrl: null }),
    ]);
  });

  it("lists every purchase line with its order", async () => {
    const lines = await listPurchaseLines(database.sql);
    expect(lines.sort((a, b) => a.productId - b.productId)).toEqual(
      [
        { productId: ringId, orderId: "o1" },
        { productId: pendantId, orderId: "o1" },
      ].sort((a, b) => a.productId - b.productId),
    );
  });

  it("reads the catalog stamp as numbers and a Date", async () => {
    const stamp = await readCatalogStampRow(database.sql);
    const newest = await database.db.product.findFirstOrThrow({ orderBy: { updatedAt: "desc" } });
    const purchase = await database.db.interaction.findFirstOrThrow({
      where: { type: "purchase" },
      orderBy: { id: "desc" },
    });
    expect(stamp).toEqual({ productCount: 2, productsUpdatedAt: newest.updatedAt, latestPurchaseId: purchase.id });
  });

  it("reads the active version's id and the running A/B test, or null", async () => {
    expect(await readActiveVersionId(database.sql)).toBeNull();
    expect(await readRunningAbTest(database.sql)).toBeNull();
    const version = (status: string) => database.db.modelVersion.create({ data: { kind: "popularity", status } });
    const a = await version("active");
    const b = await version("candidate");
    await database.db.abTest.create({
      data: { name: "old", versionAId: a.id, versionBId: b.id, shareB: 0.1, status: "stopped" },
    });
    const test = await database.db.abTest.create({
      data: { name: "t", versionAId: a.id, versionBId: b.id, shareB: 0.25 },
    });
    expect(await readActiveVersionId(database.sql)).toBe(a.id);
    expect(await readRunningAbTest(database.sql)).toEqual({
      id: test.id,
      versionAId: a.id,
      versionBId: b.id,
      shareB: 0.25,
    });
  });
});

import { createDb } from "@jewelguide/db";
import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createModelServing } from "./create-model-serving";
import { seedShop, trainAndPublish } from "./testing/seed-shop";

describe("model serving (per-process registry)", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedShop(database.db);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("serves popularity from stored purchases, labelled as the fallback, while no version is active", async () => {
    const serving = createModelServing(database);
    const snapshot = await serving.current();
    expect(snapshot.model).toMatchObject({ source: "fallback-popularity", versionId: null, kind: "popularity" });
    // Every catalog product is known; the most bought in-stock item ranks first.
    expect(snapshot.model.recommender.items.size).toBe(40);
    const [top] = snapshot.model.recommender.recommend(
      { recentItemIds: [] },
      { k: 1, filter: (i) => snapshot.servable[i] === 1 },
    );
    const counts = snapshot.catalog.products.filter((p) => p.inStock).map((p) => p.purchases);
    expect(snapshot.catalog.bySku.get(top?.itemId ?? "")?.purchases).toBe(Math.max(...counts));
    expect(snapshot.servable[snapshot.model.recommender.items.indexOf("ring-1")]).toBe(0);
  });

  it("loads once, checks at most once per interval, and swaps in a new version in every process", async () => {
    const other = createDb(database.url);
    try {
      const first = createModelServing(database, { checkIntervalMs: 60_000 });
      const second = createModelServing(other, { checkIntervalMs: 0 });
      const before = await first.current();
      expect(await first.current()).toBe(before);
      expect(first.modelLoads()).toBe(1);
      const versionId = await trainAndPublish(database.db, "itemknn");
      // Within the interval the first process keeps its snapshot: no query per request.
      expect((await first.current()).model.versionId).toBeNull();
      // The second process (interval 0) checks in the background on its next call and serves the new version after.
      await second.current();
      await second.refresh();
      expect((await second.current()).model).toMatchObject({ versionId, kind: "itemknn", source: "active-version" });
      const refreshed = await first.refresh();
      expect(refreshed.model.versionId).toBe(versionId);
      expect(await first.current()).toBe(refreshed);
      expect(first.modelLoads()).toBe(2);
    } finally {
      await other.sql.close();
      await other.db.$disconnect();
    }
  });

  it("reloads the product cache when a product changes (stock)", async () => {
    const serving = createModelServing(database, { checkIntervalMs: 60_000 });
    const before = await serving.current();
    const index = before.model.recommender.items.indexOf("ring-3");
    expect(before.servable[index]).toBe(1);
    await database.db.product.update({ where: { sku: "ring-3" }, data: { inStock: false } });
    const after = await serving.refresh();
    expect(after.servable[after.model.recommender.items.indexOf("ring-3")]).toBe(0);
    expect(after.model).toBe(before.model);
    await database.db.product.update({ where: { sku: "ring-3" }, data: { inStock: true } });
  });

  it("re-reads purchase counts and bought-together after a purchase at most once per purchaseRefreshMs", async () => {
    const { db } = database;
    const buy = async (sku: string, orderId: string) => {
      const product = await db.product.findUniqueOrThrow({ where: { sku } });
      const user = await db.user.upsert({
        where: { externalId: "refresh-buyer" },
        create: { externalId: "refresh-buyer" },
        update: {},
      });
      await db.interaction.create({
        data: {
          userId: user.id,
          productId: product.id,
          type: "purchase",
          occurredAt: new Date(),
          source: "web",
          orderId,
          idempotencyKey: `${orderId}-${sku}`,
        },
      });
    };
    const eager = createModelServing(database, { checkIntervalMs: 60_000, purchaseRefreshMs: 0 });
    const lazy = createModelServing(database, { checkIntervalMs: 60_000, purchaseRefreshMs: 3_600_000 });
    const before = await eager.current();
    const lazyBefore = await lazy.current();
    const count = (snapshot: typeof before, sku: string) => snapshot.catalog.bySku.get(sku)?.purchases ?? -1;
    const together = (snapshot: typeof before, a: string, b: string) =>
      snapshot.catalog.boughtTogether
        .get(snapshot.catalog.bySku.get(a)?.id ?? 0)
        ?.find((pair) => pair.productId === snapshot.catalog.bySku.get(b)?.id)?.orders ?? 0;
    await buy("pendant-2", "refresh-order-1");
    await buy("bracelet-4", "refresh-order-1");
    const after = await eager.refresh();
    expect(count(after, "pendant-2")).toBe(count(before, "pendant-2") + 1);
    expect(together(after, "pendant-2", "bracelet-4")).toBe(together(before, "pendant-2", "bracelet-4") + 1);
    // Only the purchases were re-read: the products are the same, and so is the model.
    expect(after.catalog.loadedAt).toBe(before.catalog.loadedAt);
    expect(after.model).toBe(before.model);
    // Within purchaseRefreshMs the lazy process keeps its counts…
    expect(count(await lazy.refresh(), "pendant-2")).toBe(count(lazyBefore, "pendant-2"));
    // …but a product change still reloads everything at the next check, purchases included.
    await db.product.update({ where: { sku: "ring-3" }, data: { inStock: false } });
    const reloaded = await lazy.refresh();
    expect(reloaded.catalog.bySku.get("ring-3")?.inStock).toBe(false);
    expect(count(reloaded, "pendant-2")).toBe(count(after, "pendant-2"));
    await db.product.update({ where: { sku: "ring-3" }, data: { inStock: true } });
  });
});

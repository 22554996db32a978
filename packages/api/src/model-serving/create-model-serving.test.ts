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
    const serving = createModelServing(database.db);
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
      const first = createModelServing(database.db, { checkIntervalMs: 60_000 });
      const second = createModelServing(other.db, { checkIntervalMs: 0 });
      const before = await first.current();
      expect(await first.current()).toBe(before);
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
    } finally {
      await other.db.$disconnect();
    }
  });

  it("reloads the product cache when a product changes (stock)", async () => {
    const serving = createModelServing(database.db, { checkIntervalMs: 60_000 });
    const before = await serving.current();
    const index = before.model.recommender.items.indexOf("ring-3");
    expect(before.servable[index]).toBe(1);
    await database.db.product.update({ where: { sku: "ring-3" }, data: { inStock: false } });
    const after = await serving.refresh();
    expect(after.servable[after.model.recommender.items.indexOf("ring-3")]).toBe(0);
    expect(after.model).toBe(before.model);
    await database.db.product.update({ where: { sku: "ring-3" }, data: { inStock: true } });
  });
});

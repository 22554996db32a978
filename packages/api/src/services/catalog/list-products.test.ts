import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it as vitestIt } from "vitest";
import { createTestCaller } from "../../test/create-test-caller";
import { createTestRuntime } from "../../test/create-test-runtime";
import { seedCatalog, seedInteractions } from "../../test/seed-catalog";
import { testDialects } from "../../test/test-dialects";

describe.each(testDialects)("on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  let database: TestDatabase;
  let ids: number[];
  let caller: ReturnType<typeof createTestCaller>;

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase({ postgresServerUrl: server });
    ids = await seedCatalog(database.db);
    caller = createTestCaller(createTestRuntime(database));
  });

  afterAll(async () => {
    await database?.drop();
  });

  function idAt(index: number): number {
    const id = ids[index];
    if (id === undefined) throw new Error(`no seeded product at ${index}`);
    return id;
  }

  describe("catalog.listProducts", () => {
    it("lists everything newest first, with only display fields", async () => {
      const page = await caller.catalog.listProducts({ sort: "newest" });
      expect(page.total).toBe(7);
      expect(page.pageCount).toBe(1);
      expect(page.items.map((p) => p.id)).toEqual([...ids].reverse());
      const first = page.items[0];
      expect(first && Object.keys(first).sort()).toEqual(
        ["category", "currency", "gem", "id", "imageUrl", "inStock", "metal", "price", "titleEn", "titleZh"].sort(),
      );
    });

    it("filters by category, metal and gem", async () => {
      const rings = await caller.catalog.listProducts({ filters: { category: "ring" } });
      expect(rings.items.map((p) => p.id).sort()).toEqual([idAt(0), idAt(1)].sort());
      const silver = await caller.catalog.listProducts({ filters: { metal: "silver" } });
      expect(silver.items.map((p) => p.titleEn).sort()).toEqual(["Silver chain necklace", "Silver topaz ring"]);
      const silverRings = await caller.catalog.listProducts({ filters: { category: "ring", metal: "silver" } });
      expect(silverRings.items.map((p) => p.id)).toEqual([idAt(1)]);
      const pearls = await caller.catalog.listProducts({ filters: { gem: "Pearl" } });
      expect(pearls.items.map((p) => p.id)).toEqual([idAt(2)]);
    });

    it("filters by price range and stock", async () => {
      const mid = await caller.catalog.listProducts({ filters: { minPrice: 100, maxPrice: 600 }, sort: "price-asc" });
      expect(mid.items.map((p) => p.price)).toEqual([150, 340, 560]);
      const inStock = await caller.catalog.listProducts({ filters: { inStock: false } });
      expect(inStock.items.map((p) => p.id)).toEqual([idAt(4)]);
    });

    it("searches both titles", async () => {
      const english = await caller.catalog.listProducts({ filters: { q: "ring" } });
      // "ring" also matches "earrings"
      expect(english.items.map((p) => p.id).sort()).toEqual([idAt(0), idAt(1), idAt(2)].sort());
      const chinese = await caller.catalog.listProducts({ filters: { q: "黄金" } });
      expect(chinese.items.map((p) => p.id).sort()).toEqual([idAt(0), idAt(6)].sort());
      const anyCase = await caller.catalog.listProducts({ filters: { q: "GOLD" } });
      expect(anyCase.items.map((p) => p.id).sort()).toEqual([idAt(0), idAt(2), idAt(6)].sort());
      const none = await caller.catalog.listProducts({ filters: { q: "tiara" } });
      expect(none).toMatchObject({ items: [], total: 0, pageCount: 1 });
    });

    it("sorts by price both ways", async () => {
      const up = await caller.catalog.listProducts({ sort: "price-asc" });
      expect(up.items.map((p) => p.price)).toEqual([45, 90, 150, 340, 560, 1200, 2100]);
      const down = await caller.catalog.listProducts({ sort: "price-desc" });
      expect(down.items.map((p) => p.price)).toEqual([2100, 1200, 560, 340, 150, 90, 45]);
    });

    it("paginates without gaps or repeats", async () => {
      const pages = await Promise.all(
        [1, 2, 3].map((page) => caller.catalog.listProducts({ sort: "newest", page, pageSize: 3 })),
      );
      expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
      expect(pages[0]?.pageCount).toBe(3);
      expect(pages.flatMap((p) => p.items.map((item) => item.id))).toEqual([...ids].reverse());
      const beyond = await caller.catalog.listProducts({ sort: "newest", page: 9, pageSize: 3 });
      expect(beyond.items).toEqual([]);
    });

    it("rejects bad input with BAD_REQUEST", async () => {
      const bad = [
        { pageSize: 0 },
        { page: 0 },
        { pageSize: 500 },
        { filters: { minPrice: 500, maxPrice: 100 } },
        { sort: "cheapest" },
        { filters: { category: "tiara" } },
      ];
      for (const input of bad) {
        // @ts-expect-error deliberately invalid input
        const error = await caller.catalog.listProducts(input).catch((e: unknown) => e);
        expect(error, JSON.stringify(input)).toBeInstanceOf(TRPCError);
        expect((error as TRPCError).code).toBe("BAD_REQUEST");
      }
    });
  });

  describe("catalog.listProducts sorted by popularity", () => {
    let popular: TestDatabase;
    let popularIds: number[];

    beforeAll(async () => {
      if (skip) return;
      popular = await createTestDatabase({ postgresServerUrl: server });
      popularIds = await seedCatalog(popular.db);
      const [a, b, c, d] = [3, 0, 5, 2].map((i) => popularIds[i] ?? -1);
      await seedInteractions(popular.db, a ?? -1, 3);
      await seedInteractions(popular.db, b ?? -1, 2);
      await seedInteractions(popular.db, c ?? -1, 1);
      // Views do not count towards popularity.
      await seedInteractions(popular.db, d ?? -1, 5, "view");
    });

    afterAll(async () => {
      await popular?.drop();
    });

    it("ranks by purchases, then the rest newest first, across pages", async () => {
      const popularCaller = createTestCaller(createTestRuntime(popular));
      const all = await popularCaller.catalog.listProducts({ sort: "popularity" });
      const order = [3, 0, 5, 6, 4, 2, 1].map((i) => popularIds[i]);
      expect(all.items.map((p) => p.id)).toEqual(order);
      const pages = await Promise.all(
        [1, 2, 3].map((page) => popularCaller.catalog.listProducts({ sort: "popularity", page, pageSize: 3 })),
      );
      expect(pages.flatMap((p) => p.items.map((item) => item.id))).toEqual(order);
    });

    it("applies filters to the popularity ranking", async () => {
      const popularCaller = createTestCaller(createTestRuntime(popular));
      const rings = await popularCaller.catalog.listProducts({ sort: "popularity", filters: { category: "ring" } });
      expect(rings.items.map((p) => p.id)).toEqual([popularIds[0], popularIds[1]]);
      expect(rings.total).toBe(2);
    });
  });

  describe("catalog.listProducts featured and price on request", () => {
    let shop: TestDatabase;
    let shopIds: number[];

    beforeAll(async () => {
      if (skip) return;
      shop = await createTestDatabase({ postgresServerUrl: server });
      shopIds = await seedCatalog(shop.db, [
        { titleEn: "A", titleZh: "甲", category: "ring", price: 100, imageUrl: "/media/a.jpg" },
        { titleEn: "B", titleZh: "乙", category: "ring", price: 0, imageUrl: null },
        { titleEn: "C", titleZh: "丙", category: "ring", price: 300, imageUrl: "/media/c.jpg" },
        { titleEn: "D", titleZh: "丁", category: "other", price: 0, imageUrl: "/media/d.jpg" },
        { titleEn: "E", titleZh: "戊", category: "brooch", price: 50, imageUrl: null },
      ]);
      const at = (i: number) => shopIds[i] ?? -1;
      await seedInteractions(shop.db, at(1), 9); // most purchased, but no photo
      await seedInteractions(shop.db, at(2), 2);
    });

    afterAll(async () => {
      await shop?.drop();
    });

    it("is the default: products with a photo first, each group most purchased first", async () => {
      const shopCaller = createTestCaller(createTestRuntime(shop));
      const titles = (await shopCaller.catalog.listProducts({})).items.map((p) => p.titleEn);
      expect(titles).toEqual(["C", "D", "A", "B", "E"]);
      const pages = await Promise.all([1, 2, 3].map((page) => shopCaller.catalog.listProducts({ page, pageSize: 2 })));
      expect(pages.flatMap((p) => p.items.map((item) => item.titleEn))).toEqual(["C", "D", "A", "B", "E"]);
      const rings = await shopCaller.catalog.listProducts({ filters: { category: "ring" } });
      expect(rings.items.map((p) => p.titleEn)).toEqual(["C", "A", "B"]);
    });

    it("puts price-on-request products (price 0) after the priced ones in both price orders", async () => {
      const shopCaller = createTestCaller(createTestRuntime(shop));
      const up = await shopCaller.catalog.listProducts({ sort: "price-asc" });
      expect(up.items.map((p) => p.titleEn)).toEqual(["E", "A", "C", "B", "D"]);
      const down = await shopCaller.catalog.listProducts({ sort: "price-desc", page: 2, pageSize: 2 });
      expect(down.items.map((p) => p.titleEn)).toEqual(["E", "D"]);
    });
  });
});

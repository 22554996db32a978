import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it as vitestIt } from "vitest";
import { createTestCaller } from "../../test/create-test-caller";
import { createTestRuntime } from "../../test/create-test-runtime";
import { seedCatalog } from "../../test/seed-catalog";
import { testDialects } from "../../test/test-dialects";

describe.each(testDialects)("on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  let database: TestDatabase;
  let ids: number[];

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase({ postgresServerUrl: server });
    ids = await seedCatalog(database.db);
  });

  afterAll(async () => {
    await database?.drop();
  });

  describe("catalog.getProduct", () => {
    it("returns the product page fields", async () => {
      const caller = createTestCaller(createTestRuntime(database));
      const product = await caller.catalog.getProduct({ id: ids[0] ?? -1 });
      expect(product).toMatchObject({
        sku: "SKU-1",
        titleEn: "Gold diamond ring",
        titleZh: "黄金钻石戒指",
        category: "ring",
        metal: "gold",
        gem: "diamond",
        price: 1200,
        currency: "USD",
        imageUrl: "/media/a/ring.jpg",
        inStock: true,
        description: "",
      });
      expect(product).not.toHaveProperty("attributes");
      expect(product).not.toHaveProperty("source");
    });

    it("answers NOT_FOUND naming the id", async () => {
      const caller = createTestCaller(createTestRuntime(database));
      const error = await caller.catalog.getProduct({ id: 987654 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("NOT_FOUND");
      expect((error as TRPCError).message).toContain("987654");
    });

    it("answers BAD_REQUEST for an id that is not a positive integer", async () => {
      const caller = createTestCaller(createTestRuntime(database));
      for (const id of [0, -3, 1.5]) {
        const error = await caller.catalog.getProduct({ id }).catch((e: unknown) => e);
        expect((error as TRPCError).code).toBe("BAD_REQUEST");
      }
    });
  });
});

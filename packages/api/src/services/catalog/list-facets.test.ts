import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { afterAll, beforeAll, describe, expect, it as vitestIt } from "vitest";
import { createTestCaller } from "../../test/create-test-caller";
import { createTestRuntime } from "../../test/create-test-runtime";
import { seedCatalog } from "../../test/seed-catalog";
import { testDialects } from "../../test/test-dialects";

describe.each(testDialects)("on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  let database: TestDatabase;

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase({ postgresServerUrl: server });
    await seedCatalog(database.db);
  });

  afterAll(async () => {
    await database?.drop();
  });

  describe("catalog.listFacets", () => {
    it("counts products per category and metal in vocabulary order", async () => {
      const facets = await createTestCaller(createTestRuntime(database)).catalog.listFacets({});
      expect(facets.total).toBe(7);
      expect(facets.categories).toEqual([
        { value: "ring", count: 2 },
        { value: "necklace", count: 1 },
        { value: "pendant", count: 1 },
        { value: "earring", count: 1 },
        { value: "bracelet", count: 1 },
        { value: "brooch", count: 1 },
      ]);
      expect(facets.metals).toEqual([
        { value: "gold", count: 2 },
        { value: "rose-gold", count: 1 },
        { value: "silver", count: 2 },
        { value: "platinum", count: 1 },
      ]);
    });

    it("lets each facet ignore its own filter but honour the others", async () => {
      const facets = await createTestCaller(createTestRuntime(database)).catalog.listFacets({
        filters: { category: "ring", metal: "silver" },
      });
      expect(facets.total).toBe(1);
      // categories among silver products
      expect(facets.categories).toEqual([
        { value: "ring", count: 1 },
        { value: "necklace", count: 1 },
      ]);
      // metals among rings
      expect(facets.metals).toEqual([
        { value: "gold", count: 1 },
        { value: "silver", count: 1 },
      ]);
    });
  });
});

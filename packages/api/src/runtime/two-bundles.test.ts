import { publishModelVersion } from "@jewelguide/db";
import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedShop, trainAndPublish } from "../model-serving/testing/seed-shop";
import { createTestRuntime } from "../test/create-test-runtime";

/**
 * A Next web process loads this code twice (the app-router bundle and the Pages API bundle) and keeps its one
 * ServerRuntime on globalThis. Two module graphs loaded here stand for the two bundles: given that runtime, both serve
 * from one loaded model and one A/B state, whichever answers first — no state lives in a module of either copy.
 */
describe("one server runtime shared by two loaded copies of the code", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedShop(database.db);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("loads the model once per process when both the pages and the API have served", async () => {
    const pages = { root: await import("../root"), context: await import("../context") };
    vi.resetModules();
    const api = { root: await import("../root"), context: await import("../context") };
    expect(api.root.createCaller).not.toBe(pages.root.createCaller);

    const versionA = await trainAndPublish(database.db, "popularity");
    const versionB = await trainAndPublish(database.db, "itemknn");
    await publishModelVersion(database.db, versionA);
    await database.db.abTest.create({
      data: { name: "t", versionAId: versionA, versionBId: versionB, shareB: 1 - 1e-9, status: "running" },
    });
    const runtime = createTestRuntime(database);
    const shopper = { externalId: "shopper-1" };
    const apiCaller = api.root.createCaller(api.context.createContextInner({ runtime, shopper }));
    const pagesCaller = pages.root.createCaller(pages.context.createContextInner({ runtime, shopper }));

    // The API answers first, as when the shop's client calls before any page is rendered; then the pages.
    const fromApi = await apiCaller.recommendations.feed({ k: 4 });
    const fromPages = await pagesCaller.recommendations.feed({ k: 4 });
    const similar = await pagesCaller.recommendations.similar({ sku: "ring-2", k: 4 });
    expect(fromApi.modelVersionId).toBe(versionB);
    expect(fromPages.modelVersionId).toBe(versionB);
    expect(similar.modelVersionId).toBe(versionA);
    expect(runtime.serving.modelLoads()).toBe(1);
    // The arm's snapshot is one object, whichever copy asks: its model was loaded once.
    const audience = { shopperId: shopper.externalId, abTestSalt: runtime.secrets.abTestSalt };
    expect(await runtime.abTests.snapshotFor(audience)).toBe(await runtime.abTests.snapshotFor(audience));
  });
});

import { publishModelVersion } from "@jewelguide/db";
import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TEST_SECRETS } from "../test/test-secrets";
import { seedShop, trainAndPublish } from "./testing/seed-shop";

/**
 * A Next web process loads this code twice (the app-router bundle and the Pages API bundle) and shares one database
 * client on globalThis. Two module graphs loaded here stand for the two bundles: whichever copy comes first, the other
 * must serve from the same handle with the same loaded model and the same A/B state, never "no SQL reader".
 */
describe("model serving shared by two loaded copies of the code", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedShop(database.db);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("one handle: both copies read through its SQL reader and share one model serving and A/B state", async () => {
    const pagesCopy = await import("./resolve-serving-snapshot");
    const pagesServing = await import("./get-model-serving");
    vi.resetModules();
    const appCopy = await import("./resolve-serving-snapshot");
    const appServing = await import("./get-model-serving");
    expect(appCopy.resolveServingSnapshot).not.toBe(pagesCopy.resolveServingSnapshot);

    const versionA = await trainAndPublish(database.db, "popularity");
    const versionB = await trainAndPublish(database.db, "itemknn");
    await publishModelVersion(database.db, versionA);
    await database.db.abTest.create({
      data: { name: "t", versionAId: versionA, versionBId: versionB, shareB: 1 - 1e-9, status: "running" },
    });
    const audience = { shopperId: "shopper-1", abTestSalt: TEST_SECRETS.abTestSalt };

    // The second copy answers first, as when a page is rendered before any tRPC call.
    const fromApp = await appCopy.resolveServingSnapshot(database.db, audience);
    const fromPages = await pagesCopy.resolveServingSnapshot(database.db, audience);
    expect(fromApp.model.versionId).toBe(versionB);
    // The same aligned snapshot object: the arm's model was loaded once, not once per copy.
    expect(fromPages).toBe(fromApp);
    expect(pagesServing.getModelServing(database.db)).toBe(appServing.getModelServing(database.db));
    expect(await pagesCopy.resolveServingSnapshot(database.db, { ...audience, shopperId: undefined })).toBe(
      await appServing.getModelServing(database.db).current(),
    );
  });
});

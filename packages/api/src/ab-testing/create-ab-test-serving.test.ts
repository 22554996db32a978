import { publishModelVersion } from "@jewelguide/db";
import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { afterAll, beforeAll, describe, expect, it as vitestIt } from "vitest";
import { seedShop, trainAndPublish } from "../model-serving/testing/seed-shop";
import type { ServerRuntime } from "../runtime/create-server-runtime";
import { createTestCaller } from "../test/create-test-caller";
import { createTestRuntime } from "../test/create-test-runtime";
import { testDialects } from "../test/test-dialects";
import { TEST_SECRETS } from "../test/test-secrets";
import { assignAbArm } from "./assign-ab-arm";

describe.each(testDialects)("A/B serving on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  let database: TestDatabase;
  let runtime: ServerRuntime;

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase({ postgresServerUrl: server });
    runtime = createTestRuntime(database);
    await seedShop(database.db);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("serves each shopper the version of their arm while a test runs, in the feed and the guide", async () => {
    const versionA = await trainAndPublish(database.db, "popularity");
    const versionB = await trainAndPublish(database.db, "itemknn");
    // A is the one active again; B is only served through the test.
    await publishModelVersion(database.db, versionA);
    const test = await database.db.abTest.create({
      data: { name: "t", versionAId: versionA, versionBId: versionB, shareB: 0.5, status: "running" },
    });
    const as = (externalId: string) => createTestCaller(runtime, { shopper: { externalId } });
    const served = new Map<string, number>();
    for (let i = 0; i < 20; i++) {
      const shopperId = `ab-shopper-${i}`;
      const feed = await as(shopperId).recommendations.feed({ k: 4 });
      const arm = assignAbArm(test, shopperId, TEST_SECRETS.abTestSalt);
      const expected = arm === "B" ? versionB : versionA;
      expect(feed.modelVersionId).toBe(expected);
      const answer = await as(shopperId).guide.ask({ text: "gold ring", k: 4, locale: "en" });
      expect(answer.modelVersionId).toBe(expected);
      served.set(shopperId, feed.modelVersionId ?? 0);
    }
    expect(new Set(served.values()).size).toBe(2);
    const again = await as("ab-shopper-3").recommendations.feed({ k: 4 });
    expect(again.modelVersionId).toBe(served.get("ab-shopper-3"));
    const visitor = createTestCaller(runtime);
    expect((await visitor.recommendations.feed({ k: 4 })).modelVersionId).toBe(versionA);
  });
});

import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { afterAll, beforeAll } from "vitest";
import { type SeededShop, seedShop, trainAndPublish } from "../model-serving/testing/seed-shop";
import type { ServerRuntime } from "../runtime/create-server-runtime";
import { createTestCaller } from "./create-test-caller";
import { createTestRuntime } from "./create-test-runtime";
import type { TestDialect } from "./test-dialects";

export type SeededShopFixture = {
  readonly database: TestDatabase;
  /** The runtime of the file's simulated web process over that database (one model serving, one A/B state). */
  readonly runtime: ServerRuntime;
  readonly shop: SeededShop;
  /** The version published by `publish`, when one was asked for. */
  readonly versionId: number;
  /** A caller for a request of `shopperId` (as if its signed cookie verified), or of no shopper. */
  caller(shopperId?: string): ReturnType<typeof createTestCaller>;
};

/**
 * The service tests' shop, per dialect: a fresh database with the seeded test shop (seedShop), optionally a real model
 * trained on it and published, dropped after the file. Call inside `describe.each(testDialects)`; the fields are
 * readable once the file's tests run.
 */
export function useSeededShop(
  dialect: Pick<TestDialect, "server" | "skip">,
  options: { publish?: "itemknn" | "popularity" } = {},
): SeededShopFixture {
  let database: TestDatabase | undefined;
  let runtime: ServerRuntime | undefined;
  let shop: SeededShop | undefined;
  let versionId: number | undefined;
  beforeAll(async () => {
    if (dialect.skip) return;
    database = await createTestDatabase({ postgresServerUrl: dialect.server });
    runtime = createTestRuntime(database);
    shop = await seedShop(database.db);
    if (options.publish) versionId = await trainAndPublish(database.db, options.publish);
  });
  afterAll(async () => {
    await database?.drop();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the seeded shop's ${what} is not ready (read it inside a test)`);
    return value;
  };
  return {
    get database() {
      return ready(database, "database");
    },
    get runtime() {
      return ready(runtime, "runtime");
    },
    get shop() {
      return ready(shop, "shop");
    },
    get versionId() {
      return ready(versionId, "published version");
    },
    caller(shopperId?: string) {
      return createTestCaller(ready(runtime, "runtime"), shopperId ? { shopper: { externalId: shopperId } } : {});
    },
  };
}

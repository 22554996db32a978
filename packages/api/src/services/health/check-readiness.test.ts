import { createDb } from "@jewelguide/db";
import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ModelServing } from "../../model-serving/create-model-serving";
import { createModelServing } from "../../model-serving/create-model-serving";
import { seedShop, trainAndPublish } from "../../model-serving/testing/seed-shop";
import { checkReadiness } from "./check-readiness";

describe("readiness (/readyz)", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedShop(database.db);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("is ready with the popularity fallback while no version is active, then with the published version", async () => {
    const serving = createModelServing(database, { checkIntervalMs: 0 });
    const before = await checkReadiness({ sql: database.sql, serving });
    expect(before).toMatchObject({
      ready: true,
      database: { ok: true, activeVersionId: null },
      model: { ok: true, versionId: null, source: "fallback-popularity", items: 40 },
    });
    const versionId = await trainAndPublish(database.db, "itemknn");
    await serving.refresh();
    expect(await checkReadiness({ sql: database.sql, serving })).toMatchObject({
      ready: true,
      database: { ok: true, activeVersionId: versionId },
      model: { ok: true, versionId, kind: "itemknn", source: "active-version" },
    });
  });

  it("is not ready while the first model load is still going on", async () => {
    const never: ModelServing = {
      current: () => new Promise(() => undefined),
      refresh: () => new Promise(() => undefined),
      modelLoads: () => 0,
    };
    const readiness = await checkReadiness({ sql: database.sql, serving: never }, 20);
    expect(readiness).toEqual({
      ready: false,
      database: { ok: true, activeVersionId: expect.any(Number) },
      model: { ok: false, problem: "loading" },
    });
  });

  it("is not ready, and says only what failed, when the database is unreachable", async () => {
    const gone = createDb(database.url);
    await gone.db.$disconnect();
    const broken = { ...gone.sql, all: () => Promise.reject(new Error("connect ECONNREFUSED secret-host:5432")) };
    const readiness = await checkReadiness({ sql: broken, serving: createModelServing({ db: gone.db, sql: broken }) });
    expect(readiness.ready).toBe(false);
    expect(readiness.database).toEqual({ ok: false, problem: "unreachable" });
    expect(readiness.model).toEqual({ ok: false, problem: "failed" });
    expect(JSON.stringify(readiness)).not.toContain("secret-host");
  });
});

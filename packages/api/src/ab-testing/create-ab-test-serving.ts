import { type Db, type RunningAbTestRow, readRunningAbTest, type SqlReader } from "@jewelguide/db";
import type { ModelServing } from "../model-serving/create-model-serving";
import { loadVersionModel } from "../model-serving/load-version-model";
import type { ServingModel } from "../model-serving/serving-model";
import { DEFAULT_SERVING_OPTIONS } from "../model-serving/serving-options";
import { alignSnapshot, type ServingSnapshot } from "../model-serving/serving-snapshot";
import { assignAbArm } from "./assign-ab-arm";

/** Who is served: the verified shopper (none for a visitor) and the server's A/B salt (ServerSecrets.abTestSalt). */
export type ServingAudience = { shopperId: string | undefined; abTestSalt: string };

/** The snapshot each shopper is served with, A/B tests included. */
export type AbTestServing = {
  snapshotFor(audience: ServingAudience): Promise<ServingSnapshot>;
};

/** Where A/B serving reads: the running test on the SQL reader, an arm's artifact through Prisma. */
export type AbTestServingSource = { db: Db; sql: SqlReader; serving: ModelServing };

/**
 * The A/B serving of one process (created once, in its ServerRuntime, beside the model serving it falls back on).
 * Without a running A/B test a shopper gets the active version (`serving`). With one: the version of the shopper's
 * arm (salted hash of the shopper id, assignAbArm), loaded once per process beside the active one; anonymous requests
 * and arms whose version cannot be loaded get the active version. The running test is re-read at most every
 * `maxAgeMs`, like the active version.
 */
export function createAbTestServing(
  { db, sql, serving }: AbTestServingSource,
  maxAgeMs = DEFAULT_SERVING_OPTIONS.checkIntervalMs,
): AbTestServing {
  let checkedAt = 0;
  let runningTest: RunningAbTestRow | null = null;
  let checking: Promise<RunningAbTestRow | null> | undefined;
  /** Arm versions other than the active one, loaded once per process. */
  const models = new Map<number, Promise<ServingModel | null>>();
  /** Their snapshots, re-aligned when the product catalog is reloaded. */
  const aligned = new Map<number, ServingSnapshot>();

  function readTest(): Promise<RunningAbTestRow | null> {
    if (Date.now() - checkedAt < maxAgeMs) return Promise.resolve(runningTest);
    checking ??= readRunningAbTest(sql)
      .then((test) => {
        runningTest = test;
        checkedAt = Date.now();
        return test;
      })
      .finally(() => {
        checking = undefined;
      });
    return checking;
  }

  return {
    async snapshotFor(audience) {
      const base = await serving.current();
      if (!audience.shopperId) return base;
      const test = await readTest();
      if (!test) return base;
      const arm = assignAbArm(test, audience.shopperId, audience.abTestSalt);
      const versionId = arm === "B" ? test.versionBId : test.versionAId;
      if (versionId === base.model.versionId) return base;
      let model = models.get(versionId);
      if (!model) {
        model = loadVersionModel(db, versionId).catch(() => null);
        models.set(versionId, model);
      }
      const loaded = await model;
      if (!loaded) return base;
      const cached = aligned.get(versionId);
      if (cached && cached.catalog === base.catalog) return cached;
      const snapshot = alignSnapshot(loaded, base.catalog);
      aligned.set(versionId, snapshot);
      return snapshot;
    },
  };
}

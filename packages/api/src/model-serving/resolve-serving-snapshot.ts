import { clientState, type Db, type RunningAbTestRow, readRunningAbTest, sqlReaderOf } from "@jewelguide/db";
import { assignAbArm } from "../services/dashboard/assign-ab-arm";
import { getModelServing } from "./get-model-serving";
import { loadVersionModel } from "./load-version-model";
import type { ServingModel } from "./serving-model";
import { DEFAULT_SERVING_OPTIONS } from "./serving-options";
import { alignSnapshot, type ServingSnapshot } from "./serving-snapshot";

type RunningTest = RunningAbTestRow | null;
type AbState = {
  checkedAt: number;
  test: RunningTest;
  checking?: Promise<RunningTest>;
  /** Arm versions other than the active one, loaded once per process. */
  models: Map<number, Promise<ServingModel | null>>;
  /** Their snapshots, re-aligned when the product catalog is reloaded. */
  aligned: Map<number, ServingSnapshot>;
};

/** Who is served: the verified shopper (none for a visitor) and the server's A/B salt (ServerSecrets.abTestSalt). */
export type ServingAudience = { shopperId: string | undefined; abTestSalt: string };

/**
 * The snapshot to serve this shopper with. Without a running A/B test: the active version (getModelServing). With
 * one: the version of the shopper's arm (salted hash of the shopper id, assignAbArm), loaded once per process beside
 * the active one; anonymous requests and arms whose version cannot be loaded get the active version. The running test
 * is re-read at most every `maxAgeMs`, like the active version. The A/B state lives on the client (clientState), shared
 * by every bundle of the process like the model serving.
 */
export async function resolveServingSnapshot(
  db: Db,
  audience: ServingAudience,
  maxAgeMs = DEFAULT_SERVING_OPTIONS.checkIntervalMs,
): Promise<ServingSnapshot> {
  const base = await getModelServing(db).current();
  if (!audience.shopperId) return base;
  const state = clientState<AbState>(db, "api.abServing", () => ({
    checkedAt: 0,
    test: null,
    models: new Map(),
    aligned: new Map(),
  }));
  const test = await readRunningTest(db, state, maxAgeMs);
  if (!test) return base;
  const arm = assignAbArm(test, audience.shopperId, audience.abTestSalt);
  const versionId = arm === "B" ? test.versionBId : test.versionAId;
  if (versionId === base.model.versionId) return base;
  let model = state.models.get(versionId);
  if (!model) {
    model = loadVersionModel(db, versionId).catch(() => null);
    state.models.set(versionId, model);
  }
  const loaded = await model;
  if (!loaded) return base;
  const cached = state.aligned.get(versionId);
  if (cached && cached.catalog === base.catalog) return cached;
  const snapshot = alignSnapshot(loaded, base.catalog);
  state.aligned.set(versionId, snapshot);
  return snapshot;
}

async function readRunningTest(db: Db, state: AbState, maxAgeMs: number): Promise<RunningTest> {
  if (Date.now() - state.checkedAt < maxAgeMs) return state.test;
  state.checking ??= readRunningAbTest(sqlReaderOf(db))
    .then((test) => {
      state.test = test;
      state.checkedAt = Date.now();
      return test;
    })
    .finally(() => {
      state.checking = undefined;
    });
  return state.checking;
}

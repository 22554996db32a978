import { type Db, type Prisma, saveCandidateVersion } from "@jewelguide/db";
import { createInteractionDataset, createRecommender, type FitProgress } from "@jewelguide/model";
import { describeDataSnapshot } from "./describe-data-snapshot";
import { evaluateOffline } from "./evaluate-offline";
import { withItemItemTermInThread } from "./item-item-thread/fit-item-item-term-in-thread";
import { loadTrainingData } from "./load-training-data";
import {
  attachStoredFeatures,
  describeStoredFeatures,
  loadStoredFeatures,
  storedFeaturesParam,
  takesStoredFeatures,
} from "./stored-features";

const BASELINE_KIND = "popularity";

export type TrainRequest = {
  kind: string;
  config: Record<string, unknown>;
  evaluate: boolean;
  /**
   * Feed the stored per-product features of the current encoder versions (text, image; `featurize`) to a model that
   * takes them (the joint model's item tower). Default true; false trains on ids, attributes and events only.
   */
  storedFeatures?: boolean;
  /** The queue job this run is: stored with the version (unique), so a retry cannot add a second one. */
  jobId?: string;
};
export type TrainResult = {
  versionId: number;
  kind: string;
  metrics: Record<string, unknown>;
  artifactBytes: number;
  seconds: number;
};
export type TrainReporter = { stage(text: string): void; progress(stage: string, progress: FitProgress): void };

/**
 * ingest → featurise → fit → evaluate → save: reads the shop's data, scores the configuration on the offline
 * protocol, fits the final model on everything and stores it as a candidate version (never active by itself).
 */
export async function trainModelVersion(db: Db, request: TrainRequest, report: TrainReporter): Promise<TrainResult> {
  const started = performance.now();
  // The config is checked before any data is read: a mistyped field fails at once, not after minutes of loading.
  createRecommender(request.kind, request.config);
  report.stage("loading catalog, users and events");
  const data = await loadTrainingData(db);
  if (data.interactions.length === 0) {
    throw new Error("there are no events to train on: import some first (npm run worker -- demo, or import events)");
  }
  const snapshot = describeDataSnapshot(data);
  report.stage(
    `data: ${snapshot.products} products, ${snapshot.users} users with events, ${snapshot.interactions} events (snapshot ${snapshot.hash.slice(0, 12)})`,
  );
  const features =
    request.storedFeatures !== false && takesStoredFeatures(request.kind)
      ? await loadStoredFeatures(db, data)
      : undefined;
  if (features !== undefined) {
    report.stage(`stored features: ${describeStoredFeatures(features, data.catalog.length)}`);
  } else if (takesStoredFeatures(request.kind)) {
    report.stage(
      request.storedFeatures === false
        ? "stored features: off (--no-stored-features)"
        : "stored features: none of the current encoder versions (run featurize to add text and photo features)",
    );
  }
  const dense = features?.dense;
  const offline = request.evaluate
    ? await evaluateOffline(data, request.kind, request.config, (stage, progress) => report.progress(stage, progress), {
        dense,
      })
    : null;
  // The popularity baseline on the same split, stored beside the version's own metrics for comparison.
  const baselines: Record<string, { validation: Record<string, number>; test: Record<string, number> }> = {};
  if (offline && request.kind !== BASELINE_KIND) {
    report.stage(`scoring the ${BASELINE_KIND} baseline on the same protocol`);
    const baseline = await evaluateOffline(data, BASELINE_KIND, {}, (stage, progress) =>
      report.progress(`baseline ${stage}`, progress),
    );
    baselines[BASELINE_KIND] = { validation: baseline.validation, test: baseline.test };
  }
  report.stage(`fitting the final ${request.kind} model on all data`);
  const dataset = createInteractionDataset({
    interactions: data.interactions,
    catalog: data.catalog,
    users: data.users,
  });
  const finalConfig = offline?.refitConfig ?? request.config;
  const model = withItemItemTermInThread(attachStoredFeatures(createRecommender(request.kind, finalConfig), dense));
  const fit = await model.fit(dataset, { onProgress: (progress) => report.progress("final fit", progress) });
  const artifact = model.serialize();
  const metrics = {
    ...(offline ? { protocol: offline.protocol, validation: offline.validation, test: offline.test, baselines } : {}),
    fitSeconds: fit.seconds,
  };
  report.stage("saving the candidate version");
  const version = await saveCandidateVersion(db, {
    kind: request.kind,
    params: {
      ...finalConfig,
      ...(takesStoredFeatures(request.kind) ? { storedFeatures: storedFeaturesParam(features) } : {}),
      resolved: model.config,
    } as Prisma.InputJsonValue,
    metrics: metrics as Prisma.InputJsonValue,
    dataSnapshot: snapshot as unknown as Prisma.InputJsonValue,
    artifact,
    jobId: request.jobId,
  });
  return {
    versionId: version.id,
    kind: request.kind,
    metrics,
    artifactBytes: artifact.byteLength,
    seconds: (performance.now() - started) / 1000,
  };
}

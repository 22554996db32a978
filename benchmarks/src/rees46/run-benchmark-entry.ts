import {
  createInteractionDataset,
  createRecommender,
  evaluateRanking,
  type Interaction,
  type Recommender,
  splitLeaveLastOut,
} from "@jewelguide/model";
import type { TrainingData } from "@jewelguide/worker/training";
import type { BenchmarkEntry } from "./benchmark-plan";

export type EntryResult = {
  name: string;
  kind: string;
  config: Record<string, unknown>;
  validationTrials: {
    config: Record<string, unknown>;
    ndcg20: number;
    recall20: number;
    epochs?: number;
    seconds: number;
  }[];
  metrics: Record<string, number>;
};

/**
 * One model of the benchmark: every grid configuration is fitted on train and scored on validation (NDCG@20); the
 * best is refitted on train + validation (iterative models for the best epoch count) and scored on test, once.
 */
export async function runBenchmarkEntry(
  entry: BenchmarkEntry,
  data: TrainingData,
  log: (text: string) => void,
): Promise<EntryResult> {
  const split = splitLeaveLastOut(data.interactions);
  const trainSet = createInteractionDataset({ interactions: split.train, catalog: data.catalog, users: data.users });
  const trainItems = new Set(split.train.map((row) => row.itemId));
  const scoreValidation = (model: Recommender) =>
    evaluateRanking(model, split.validation, { ks: [20], trainedItemIds: trainItems }).atK[20];
  const trials: EntryResult["validationTrials"] = [];
  let best: { config: Record<string, unknown>; ndcg: number; epochs?: number } | undefined;
  for (const config of entry.grid) {
    const started = performance.now();
    const model = createRecommender(entry.kind, config);
    const report = await model.fit(trainSet, {
      validate: entry.iterative ? (fitted) => scoreValidation(fitted)?.ndcg ?? 0 : undefined,
      onProgress: (progress) => {
        if (progress.epoch !== undefined) {
          log(
            `${entry.name} ${JSON.stringify(config)} epoch ${progress.epoch} validation ndcg@20 ${progress.validation?.toFixed(4) ?? "-"}`,
          );
        }
      },
    });
    const metrics = scoreValidation(model);
    const trial = {
      config,
      ndcg20: metrics?.ndcg ?? 0,
      recall20: metrics?.recall ?? 0,
      ...(report.bestEpoch !== undefined ? { epochs: report.bestEpoch } : {}),
      seconds: (performance.now() - started) / 1000,
    };
    trials.push(trial);
    log(
      `${entry.name} validation ${JSON.stringify(config)}: recall@20 ${trial.recall20.toFixed(4)} ndcg@20 ${trial.ndcg20.toFixed(4)} (${trial.seconds.toFixed(0)} s)`,
    );
    if (best === undefined || trial.ndcg20 > best.ndcg) best = { config, ndcg: trial.ndcg20, epochs: report.bestEpoch };
  }
  if (best === undefined) throw new Error(`benchmark entry ${entry.name} has an empty grid`);
  const finalConfig: Record<string, unknown> =
    entry.iterative && best.epochs !== undefined ? { ...best.config, epochs: best.epochs } : best.config;
  const refitRows: Interaction[] = [
    ...split.train,
    ...split.validation.map((t) => ({ ...t, type: "purchase" as const })),
  ];
  const refitSet = createInteractionDataset({ interactions: refitRows, catalog: data.catalog, users: data.users });
  const started = performance.now();
  const model = createRecommender(entry.kind, finalConfig);
  await model.fit(refitSet);
  const trainSeconds = (performance.now() - started) / 1000;
  const test = evaluateRanking(model, split.test, { trainedItemIds: new Set(refitRows.map((row) => row.itemId)) });
  const at = (k: number) => test.atK[k] ?? { recall: 0, ndcg: 0, precision: 0, mrr: 0 };
  const metrics: Record<string, number> = {
    "recall@10": at(10).recall,
    "ndcg@10": at(10).ndcg,
    "precision@10": at(10).precision,
    "mrr@10": at(10).mrr,
    "recall@20": at(20).recall,
    "ndcg@20": at(20).ndcg,
    "precision@20": at(20).precision,
    "mrr@20": at(20).mrr,
    "coverage@20": test.coverageAtK[20] ?? 0,
    "cold_recall@20": test.coldItems.atK[20]?.recall ?? 0,
    "cold_ndcg@20": test.coldItems.atK[20]?.ndcg ?? 0,
    test_users: test.users,
    cold_users: test.coldItems.users,
    train_seconds: trainSeconds,
  };
  return { name: entry.name, kind: entry.kind, config: finalConfig, validationTrials: trials, metrics };
}

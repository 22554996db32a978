import {
  createInteractionDataset,
  createRecommender,
  type DenseItemContent,
  evaluateRanking,
  type FitProgress,
  type Interaction,
  type RankingEvaluation,
  splitLeaveLastOut,
} from "@jewelguide/model";
import { withItemItemTermInThread } from "./item-item-thread/fit-item-item-term-in-thread";
import type { TrainingData } from "./load-training-data";
import { attachStoredFeatures } from "./stored-features";

export type OfflineMetrics = Record<string, number>;
export type OfflineEvaluation = {
  validation: OfflineMetrics;
  test: OfflineMetrics;
  protocol: string;
  /** The config with the epoch count chosen on validation (for the final fit). */
  refitConfig: Record<string, unknown>;
  /** Seconds of the validation fit (with early stopping) and of the refit on train + validation. */
  fitSeconds: { validation: number; test: number };
};

export type OfflineOptions = {
  /** Dense per-item content (stored text/image features, catalog order) for the joint model's item tower. */
  dense?: DenseItemContent;
};

export const OFFLINE_PROTOCOL =
  "leave-last-out: per user, (user,item) pairs deduplicated keeping the earliest event; users with >= 3 items hold out " +
  "their last item as test and the one before as validation, ordered by time and, among items bought at the same " +
  'time, by the FNV-1a 32-bit hash of "<user_id>|<product_id>" ascending; full ranking over the catalog ' +
  "excluding the user's training items; validation scored on a model fitted on train, test on one refitted on " +
  "train + validation";

/**
 * The standard offline protocol on the shop's own data: fit on train and score validation, refit on train +
 * validation and score test. Both use the same kind and config as the version being trained.
 */
export async function evaluateOffline(
  data: TrainingData,
  kind: string,
  config: Record<string, unknown>,
  onProgress: (stage: string, progress: FitProgress) => void,
  options: OfflineOptions = {},
): Promise<OfflineEvaluation> {
  const split = splitLeaveLastOut(data.interactions);
  const validationRows: Interaction[] = split.validation.map((target) => ({ ...target, type: "purchase" }));
  const validation = await fitAndScore(data, split.train, split.validation, kind, config, true, options, (p) =>
    onProgress("validation fit", p),
  );
  // Iterative models stopped early on validation: later fits train for that many epochs.
  const refitConfig = validation.bestEpoch === undefined ? config : { ...config, epochs: validation.bestEpoch };
  const refitRows = [...split.train, ...validationRows];
  const test = await fitAndScore(data, refitRows, split.test, kind, refitConfig, false, options, (p) =>
    onProgress("test fit", p),
  );
  return {
    validation: flattenEvaluation(validation.evaluation),
    test: flattenEvaluation(test.evaluation),
    protocol: OFFLINE_PROTOCOL,
    refitConfig,
    fitSeconds: { validation: validation.seconds, test: test.seconds },
  };
}

async function fitAndScore(
  data: TrainingData,
  trainRows: Interaction[],
  targets: readonly { userId: string; itemId: string }[],
  kind: string,
  config: Record<string, unknown>,
  earlyStopping: boolean,
  options: OfflineOptions,
  onProgress: (progress: FitProgress) => void,
): Promise<{ evaluation: RankingEvaluation; bestEpoch?: number; seconds: number }> {
  const dataset = createInteractionDataset({ interactions: trainRows, catalog: data.catalog, users: data.users });
  const model = withItemItemTermInThread(attachStoredFeatures(createRecommender(kind, config), options.dense));
  const trainedItemIds = new Set(trainRows.map((row) => row.itemId));
  const report = await model.fit(dataset, {
    onProgress,
    validate: earlyStopping
      ? (fitted) => evaluateRanking(fitted, targets, { ks: [20], trainedItemIds }).atK[20]?.ndcg ?? 0
      : undefined,
  });
  return {
    evaluation: evaluateRanking(model, targets, { trainedItemIds }),
    bestEpoch: report.bestEpoch,
    seconds: report.seconds,
  };
}

/** `{ "recall@10": …, "ndcg@20": …, "coverage@20": …, "cold_recall@20": …, "users": … }` */
export function flattenEvaluation(evaluation: RankingEvaluation): OfflineMetrics {
  const out: OfflineMetrics = { users: evaluation.users, cold_users: evaluation.coldItems.users };
  for (const [k, metrics] of Object.entries(evaluation.atK)) {
    out[`recall@${k}`] = metrics.recall;
    out[`ndcg@${k}`] = metrics.ndcg;
    out[`precision@${k}`] = metrics.precision;
    out[`mrr@${k}`] = metrics.mrr;
  }
  for (const [k, coverage] of Object.entries(evaluation.coverageAtK)) out[`coverage@${k}`] = coverage;
  for (const [k, metrics] of Object.entries(evaluation.coldItems.atK)) {
    out[`cold_recall@${k}`] = metrics.recall;
    out[`cold_ndcg@${k}`] = metrics.ndcg;
  }
  return out;
}

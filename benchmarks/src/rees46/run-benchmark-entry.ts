import {
  BaseRecommender,
  createInteractionDataset,
  createRecommender,
  decodeModelArtifact,
  type EvaluationTarget,
  evaluateRanking,
  type Interaction,
  type RankingEvaluation,
  type Recommender,
  splitItemColdStart,
  splitLeaveLastOut,
} from "@jewelguide/model";
import type { TrainingData } from "@jewelguide/worker/training";
import type { SeedRun } from "./aggregate-seeds";
import type { BenchmarkEntry } from "./benchmark-plan";
import { pickSeeded } from "./pick-seeded";
import { createItemItemTermSharing } from "./share-item-item-term";

/** Every validation fit (grid search, early stopping) uses this seed; the refits use the entry's seeds. */
export const TUNING_SEED = 0;
/**
 * Early stopping checks a seeded sample of this many validation shoppers after each epoch (the per-epoch check is
 * most of an iterative baseline's tuning time); the configurations are then compared on all validation shoppers.
 */
export const EARLY_STOPPING_USERS = 2_000;
/** The item cold-start split: one seeded tenth of the items for every model and seed, so all meet the same shoppers. */
export const ITEM_COLD_SPLIT = { seed: 0, fraction: 0.1 } as const;

export type ValidationTrial = {
  config: Record<string, unknown>;
  ndcg20: number;
  recall20: number;
  epochs?: number;
  seconds: number;
};

export type EntryResult = {
  name: string;
  kind: string;
  /** The configuration refitted for test (iterative models: with the epoch count early stopping chose). */
  config: Record<string, unknown>;
  validationTrials: ValidationTrial[];
  /** One test evaluation per refit seed (today's metrics, plus the item cold-start split where the model can). */
  seeds: SeedRun[];
  peakRssMb?: number;
};

export type EntryOptions = {
  /** A derived entry's starting point: the chosen configuration of the entry it derives from. */
  baseConfig?: Record<string, unknown>;
  /** Smoke checks only: every fit trains at most this many epochs. */
  maxEpochs?: number;
  /** Smoke checks only (read by the child process): a seeded sample of this many shoppers. */
  sampleUsers?: number;
};

/**
 * One model of the benchmark: every grid configuration is fitted on train (seed 0) and scored on validation
 * (NDCG@20); the best is refitted on train + validation with each of the entry's seeds and scored on test once per
 * seed. A model that can score unseen items is also fitted, per seed, without the item cold-start split's items and
 * scored on the shoppers whose test item is one of them.
 */
export async function runBenchmarkEntry(
  entry: BenchmarkEntry,
  data: TrainingData,
  log: (text: string) => void,
  options: EntryOptions = {},
): Promise<EntryResult> {
  const split = splitLeaveLastOut(data.interactions);
  const toDataset = (interactions: readonly Interaction[]) =>
    createInteractionDataset({ interactions, catalog: data.catalog, users: data.users });
  const shareItemItemTerm = createItemItemTermSharing();
  const tuning: TuningContext = {
    entry,
    shareItemItemTerm,
    log,
    maxEpochs: options.maxEpochs,
    trainSet: toDataset(split.train),
    trainItems: new Set(split.train.map((row) => row.itemId)),
    validation: split.validation,
    earlyStopping: pickSeeded(split.validation, EARLY_STOPPING_USERS, TUNING_SEED),
  };
  const { config, trials } =
    entry.derivedFrom === undefined ? await tuneGrid(tuning) : await tuneDerived(tuning, options);

  const refitRows: Interaction[] = [
    ...split.train,
    ...split.validation.map((target) => ({ ...target, type: "purchase" as const })),
  ];
  const refitSet = toDataset(refitRows);
  const refitItems = new Set(refitRows.map((row) => row.itemId));
  const itemCold = splitItemColdStart({ train: refitRows, test: split.test }, ITEM_COLD_SPLIT);
  let itemColdSet: ReturnType<typeof toDataset> | undefined;
  const seeds: SeedRun[] = [];
  for (const seed of entry.seeds) {
    const model = createRecommender(entry.kind, capEpochs(entry, config, options.maxEpochs));
    const started = performance.now();
    await shareItemItemTerm(model, refitSet);
    await model.fit(refitSet, { seed });
    const trainSeconds = (performance.now() - started) / 1000;
    const metrics = testMetrics(evaluateRanking(model, split.test, { trainedItemIds: refitItems }), trainSeconds);
    if (model.scoresUnseenItems) {
      itemColdSet ??= toDataset(itemCold.train);
      const coldModel = createRecommender(entry.kind, capEpochs(entry, config, options.maxEpochs));
      await shareItemItemTerm(coldModel, itemColdSet);
      await coldModel.fit(itemColdSet, { seed });
      const cold = evaluateRanking(coldModel, itemCold.test, { ks: [20] });
      metrics["item_cold_recall@20"] = cold.atK[20]?.recall ?? 0;
      metrics["item_cold_ndcg@20"] = cold.atK[20]?.ndcg ?? 0;
      metrics.item_cold_users = cold.users;
    }
    log(
      `${entry.name} test, seed ${seed}: recall@20 ${metrics["recall@20"]?.toFixed(4)} ndcg@20 ${metrics["ndcg@20"]?.toFixed(4)}` +
        (metrics.item_cold_users === undefined
          ? ""
          : `, item cold-start recall@20 ${metrics["item_cold_recall@20"]?.toFixed(4)} over ${metrics.item_cold_users} shoppers`) +
        ` (fit ${trainSeconds.toFixed(0)} s)`,
    );
    seeds.push({ seed, metrics });
  }
  return { name: entry.name, kind: entry.kind, config, validationTrials: trials, seeds };
}

type TuningContext = {
  entry: BenchmarkEntry;
  shareItemItemTerm: ReturnType<typeof createItemItemTermSharing>;
  log: (text: string) => void;
  maxEpochs: number | undefined;
  trainSet: ReturnType<typeof createInteractionDataset>;
  trainItems: ReadonlySet<string>;
  validation: readonly EvaluationTarget[];
  earlyStopping: readonly EvaluationTarget[];
};

type Tuned = { config: Record<string, unknown>; trials: ValidationTrial[] };

/** Fits every grid configuration (and scores each scoring-time setting on that fit); the best NDCG@20 wins. */
async function tuneGrid(context: TuningContext): Promise<Tuned> {
  const { entry, log } = context;
  const trials: ValidationTrial[] = [];
  for (const gridConfig of entry.grid) {
    const started = performance.now();
    const { model, bestEpoch } = await fitForValidation(context, gridConfig);
    const fitSeconds = (performance.now() - started) / 1000;
    const variants =
      entry.scoringGrid === undefined
        ? [{ config: gridConfig, model }]
        : withScoringSettings(model, gridConfig, entry.scoringGrid);
    let first = true;
    for (const variant of variants) {
      const scoringStarted = performance.now();
      const metrics = scoreOn(context, context.validation, variant.model);
      const trial: ValidationTrial = {
        config: variant.config,
        ndcg20: metrics.ndcg,
        recall20: metrics.recall,
        ...(bestEpoch !== undefined ? { epochs: bestEpoch } : {}),
        // The fit is paid once per grid configuration: its first trial carries it.
        seconds: (first ? fitSeconds : 0) + secondsSince(scoringStarted),
      };
      first = false;
      trials.push(trial);
      log(
        `${entry.name} validation ${JSON.stringify(trial.config)}: recall@20 ${trial.recall20.toFixed(4)} ndcg@20 ${trial.ndcg20.toFixed(4)} (${trial.seconds.toFixed(0)} s)`,
      );
    }
  }
  const best = trials.reduce<ValidationTrial | undefined>(
    (winner, trial) => (winner === undefined || trial.ndcg20 > winner.ndcg20 ? trial : winner),
    undefined,
  );
  if (best === undefined) throw new Error(`benchmark entry ${entry.name} has an empty grid`);
  const config = entry.iterative && best.epochs !== undefined ? { ...best.config, epochs: best.epochs } : best.config;
  return { config, trials };
}

/**
 * A derived entry: the `of` entry's chosen configuration with one part changed. It keeps that entry's epochs, or —
 * `ownEpochs` — chooses its own with one early-stopped validation fit; scoring-time settings are searched on one fit.
 */
async function tuneDerived(context: TuningContext, options: EntryOptions): Promise<Tuned> {
  const { entry } = context;
  const derived = entry.derivedFrom;
  if (derived === undefined) throw new Error(`${entry.name} is not derived from another entry`);
  if (options.baseConfig === undefined) {
    throw new Error(`${entry.name} derives from ${derived.of}: it needs ${derived.of}'s chosen configuration`);
  }
  const { epochs, ...settings } = options.baseConfig;
  const changed = { ...settings, ...derived.change };
  const kept = epochs === undefined || derived.ownEpochs ? changed : { ...changed, epochs };
  context.log(
    `${entry.name}: ${derived.of}'s configuration ${JSON.stringify(options.baseConfig)} with ${JSON.stringify(derived.change)}`,
  );
  if (!derived.ownEpochs && entry.scoringGrid === undefined) return { config: kept, trials: [] };
  return tuneGrid({ ...context, entry: { ...entry, grid: [kept] } });
}

async function fitForValidation(
  context: TuningContext,
  config: Record<string, unknown>,
): Promise<{ model: Recommender; bestEpoch?: number }> {
  const { entry, log } = context;
  const model = createRecommender(entry.kind, capEpochs(entry, config, context.maxEpochs));
  await context.shareItemItemTerm(model, context.trainSet);
  const report = await model.fit(context.trainSet, {
    seed: TUNING_SEED,
    validate: entry.iterative ? (fitted) => scoreOn(context, context.earlyStopping, fitted).ndcg : undefined,
    onProgress: (progress) => {
      if (progress.epoch !== undefined) {
        log(
          `${entry.name} ${JSON.stringify(config)} epoch ${progress.epoch} early-stopping ndcg@20 ${progress.validation?.toFixed(4) ?? "-"}`,
        );
      }
    },
  });
  return { model, bestEpoch: report.bestEpoch };
}

/**
 * The fitted model once per scoring-time setting: stored once, and each setting's model loads that artifact — the
 * fitted parameters shared, only the configuration differing.
 */
function* withScoringSettings(
  model: Recommender,
  config: Record<string, unknown>,
  settings: readonly Record<string, unknown>[],
): Generator<{ config: Record<string, unknown>; model: Recommender }> {
  const artifact = decodeModelArtifact(model.serialize());
  for (const setting of settings) {
    const variantConfig = { ...config, ...setting };
    const variant = createRecommender(model.kind, variantConfig);
    if (!(variant instanceof BaseRecommender)) throw new Error(`${model.kind} cannot be reloaded from its artifact`);
    variant.loadArtifact(artifact);
    yield { config: variantConfig, model: variant };
  }
}

function scoreOn(context: TuningContext, targets: readonly EvaluationTarget[], model: Recommender) {
  const atK = evaluateRanking(model, targets, { ks: [20], trainedItemIds: context.trainItems }).atK[20];
  return { ndcg: atK?.ndcg ?? 0, recall: atK?.recall ?? 0 };
}

/** Smoke checks (`--max-epochs`) cap every iterative fit's epochs; recorded runs pass no cap. */
function capEpochs(
  entry: BenchmarkEntry,
  config: Record<string, unknown>,
  maxEpochs: number | undefined,
): Record<string, unknown> {
  if (maxEpochs === undefined || !entry.iterative) return config;
  const epochs = typeof config.epochs === "number" ? Math.min(config.epochs, maxEpochs) : maxEpochs;
  return { ...config, epochs };
}

/** Today's per-model fields of rees46.json, for one refit. */
function testMetrics(test: RankingEvaluation, trainSeconds: number): Record<string, number> {
  const at = (k: number) => test.atK[k] ?? { recall: 0, ndcg: 0, precision: 0, mrr: 0 };
  return {
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
}

function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}

/**
 * What the REES46 benchmark runs: each entry is a recommender kind, the grid searched on validation, and the seeds its
 * chosen configuration is refitted with. Tuning runs once, on seed 0; the chosen configuration is then refitted on
 * train + validation with every seed of the entry and scored on test once per seed (issue 13: tune on one seed,
 * refit on three). Ablations reuse the joint model's chosen settings with one part switched off.
 */
export type BenchmarkEntry = {
  name: string;
  kind: string;
  /** Configurations fitted on train and scored on validation; the best (NDCG@20) is refitted for test. */
  grid: Record<string, unknown>[];
  /**
   * Settings that change only how a fitted model scores (ease-recency's decay): each grid configuration is fitted
   * once and scored on validation under every one of these, the model reloaded from its own artifact with the
   * setting changed — the same numbers as a refit, without paying for the fit again.
   */
  scoringGrid?: Record<string, unknown>[];
  /** Iterative models stop early on validation; the refit then trains for the best epoch count. */
  iterative: boolean;
  /** Refit seeds: three for stochastic models, one run for deterministic ones (their spread is 0 by construction). */
  seeds: readonly number[];
  /**
   * A derived entry starts from the `of` entry's chosen configuration (epochs included) with `change` applied,
   * instead of a grid: the joint model's ablations, and ease-recency (EASE's λ, its decay from `scoringGrid`).
   * `ownEpochs`: one early-stopped validation fit chooses its own epoch count — for ablations that remove a whole
   * tower (and so converge at another pace); ablations that only drop a loss term keep the main model's epochs.
   */
  derivedFrom?: { of: string; change: Record<string, unknown>; ownEpochs: boolean };
};

/** Seeds of the stochastic models' refits (bpr, fpmc, the joint model and its ablations); 0 is the tuning seed. */
export const STOCHASTIC_SEEDS: readonly number[] = [0, 1, 2];
/** Deterministic models (popularity, itemknn, ease, ease-recency, attribute-knn) run once. */
export const DETERMINISTIC_SEEDS: readonly number[] = [0];

/**
 * The joint model's settings: its config defaults, chosen by hand-run trials on REES46 validation only (recency decay,
 * step size, negatives, dims, id dropout; BENCHMARKS.md lists every trial). Early stopping picks the epoch count.
 */
export const JOINT_SETTINGS: Record<string, unknown> = {};

/** Weights of the joint model's item–item term searched on validation (0: the two towers alone). */
const JOINT_ITEM_ITEM_WEIGHTS = [0, 16, 32, 64, 128];

/** Adagrad (step, L2) pairs tried for the factorisation baselines: the default, less L2, a larger step. */
const FACTORISATION_STEPS = [
  { learningRate: 0.05, regularization: 0.01 },
  { learningRate: 0.05, regularization: 0.001 },
  { learningRate: 0.1, regularization: 0.01 },
];

export const BENCHMARK_PLAN: BenchmarkEntry[] = [
  { name: "popularity", kind: "popularity", grid: [{}], iterative: false, seeds: DETERMINISTIC_SEEDS },
  {
    name: "itemknn",
    kind: "itemknn",
    grid: [10, 50, 200].flatMap((neighbours) =>
      [0, 10, 50].map((shrink) => ({ neighbours, shrink, values: "binary" })),
    ),
    iterative: false,
    seeds: DETERMINISTIC_SEEDS,
  },
  {
    // λ around the optimum of the wider grid run before (10–250: 25 best then, 100 and 250 clearly lower). On the
    // FNV-1a protocol 10 came out best at the grid's lower edge, so 5 brackets it (BENCHMARKS §1). Each λ is a 9,613²
    // inverse (≈ 70 s), the costliest fit of the deterministic models.
    name: "ease",
    kind: "ease",
    grid: [5, 10, 25, 50].map((lambda) => ({ lambda })),
    iterative: false,
    seeds: DETERMINISTIC_SEEDS,
  },
  {
    // The issue-13 baseline: EASE scoring a recency-weighted history (baskets share a weight). The decay changes only
    // scoring, so it is searched on one fit with EASE's validation-chosen λ (the same matrix B: decay 1 is EASE).
    name: "ease-recency",
    kind: "ease-recency",
    grid: [],
    scoringGrid: [0.05, 0.1, 0.2, 0.3, 0.5, 0.75].map((recencyDecay) => ({ recencyDecay })),
    iterative: false,
    seeds: DETERMINISTIC_SEEDS,
    derivedFrom: { of: "ease", change: {}, ownEpochs: false },
  },
  {
    // factors × (step, L2); epochs by early stopping (patience 2) on validation NDCG@20, at most 40. 32/64 factors:
    // shoppers have ~2–3 items each, and every factor costs scoring time in each epoch's early-stopping check.
    name: "bpr",
    kind: "bpr",
    grid: [32, 64].flatMap((factors) =>
      FACTORISATION_STEPS.map((step) => ({ factors, ...step, epochs: 40, patience: 2 })),
    ),
    iterative: true,
    seeds: STOCHASTIC_SEEDS,
  },
  {
    // The sequence-aware baseline: MF + a transition from the previous basket (decay 0) or from recency-weighted
    // baskets (0.3), × L2 0.01 / 0.001 at bpr's default step (the larger step lost on bpr before, BENCHMARKS §1; an
    // fpmc epoch costs 1–1.5 × a 64-factor bpr one, and the whole benchmark has 30 minutes); epochs by early stopping.
    name: "fpmc",
    kind: "fpmc",
    grid: [0, 0.3].flatMap((recencyDecay) =>
      FACTORISATION_STEPS.slice(0, 2).map((step) => ({ factors: 64, ...step, recencyDecay, epochs: 40, patience: 2 })),
    ),
    iterative: true,
    seeds: STOCHASTIC_SEEDS,
  },
  {
    // The content-only yardstick of the item cold-start split; cheap, so decay × IDF is searched outright.
    name: "attribute-knn",
    kind: "attribute-knn",
    grid: [0.05, 0.3, 1].flatMap((recencyDecay) => [true, false].map((idf) => ({ recencyDecay, idf }))),
    iterative: false,
    seeds: DETERMINISTIC_SEEDS,
  },
  {
    // The item–item term's weight changes only scoring (the towers and B are fitted once): searched on one fit like
    // ease-recency's decay; 0 is the towers alone. B's λ and decay are EASE's and ease-recency's validation choices.
    name: "joint",
    kind: "joint",
    grid: [JOINT_SETTINGS],
    scoringGrid: JOINT_ITEM_ITEM_WEIGHTS.map((itemItemWeight) => ({ itemItemWeight })),
    iterative: true,
    seeds: STOCHASTIC_SEEDS,
  },
  ablationOfJoint("joint-no-item-item", { itemItemWeight: 0 }, false),
  ablationOfJoint("joint-no-user-loss", { userLossWeight: 0 }, false),
  ablationOfJoint("joint-no-item-loss", { itemLossWeight: 0 }, false),
  ablationOfJoint("joint-no-content", { useContent: false }, true),
  ablationOfJoint("joint-no-ids", { useIds: false }, true),
];

function ablationOfJoint(name: string, change: Record<string, unknown>, ownEpochs: boolean): BenchmarkEntry {
  return {
    name,
    kind: "joint",
    grid: [],
    iterative: true,
    seeds: STOCHASTIC_SEEDS,
    derivedFrom: { of: "joint", change, ownEpochs },
  };
}

export function findBenchmarkEntry(name: string): BenchmarkEntry {
  const entry = BENCHMARK_PLAN.find((candidate) => candidate.name === name);
  if (entry === undefined) {
    throw new Error(`unknown benchmark model ${name}; known: ${BENCHMARK_PLAN.map((e) => e.name).join(", ")}`);
  }
  return entry;
}

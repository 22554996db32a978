/**
 * What the REES46 benchmark runs: each entry is a recommender kind, the grid searched on validation, and fixed
 * settings. Ablations reuse the joint model's validation-chosen settings with one part switched off.
 */
export type BenchmarkEntry = {
  name: string;
  kind: string;
  /** Configurations tried on validation; the best (NDCG@20) is refitted on train + validation and scored on test. */
  grid: Record<string, unknown>[];
  /** Iterative models stop early on validation; the refit then trains for the best epoch count. */
  iterative: boolean;
};

/**
 * The joint model's settings: its config defaults, chosen by hand-run trials on REES46 validation only (recency decay,
 * step size, negatives, dims, id dropout; BENCHMARKS.md lists every trial). Early stopping picks the epoch count.
 */
export const JOINT_SETTINGS: Record<string, unknown> = {};

export const BENCHMARK_PLAN: BenchmarkEntry[] = [
  { name: "popularity", kind: "popularity", grid: [{}], iterative: false },
  {
    name: "itemknn",
    kind: "itemknn",
    grid: [10, 50, 200].flatMap((neighbours) =>
      [0, 10, 50].map((shrink) => ({ neighbours, shrink, values: "binary" })),
    ),
    iterative: false,
  },
  {
    name: "ease",
    kind: "ease",
    grid: [10, 25, 50, 100, 250].map((lambda) => ({ lambda })),
    iterative: false,
  },
  {
    // The issue-13 baseline: EASE scoring a recency-weighted history (baskets share a weight), λ and decay together.
    name: "ease-recency",
    kind: "ease-recency",
    grid: [25, 50].flatMap((lambda) => [0.05, 0.2, 0.5].map((recencyDecay) => ({ lambda, recencyDecay }))),
    iterative: false,
  },
  {
    // factors × (step, L2); epochs by early stopping (patience 2) on validation NDCG@20.
    name: "bpr",
    kind: "bpr",
    grid: [64, 128].flatMap((factors) =>
      [
        { learningRate: 0.05, regularization: 0.01 },
        { learningRate: 0.05, regularization: 0.001 },
        { learningRate: 0.1, regularization: 0.01 },
      ].map((step) => ({ factors, ...step, epochs: 40, patience: 2 })),
    ),
    iterative: true,
  },
  {
    // The sequence-aware baseline: MF + a transition from the previous basket (decay 0) or recency-weighted baskets.
    name: "fpmc",
    kind: "fpmc",
    grid: [0.01, 0.001].flatMap((regularization) =>
      [0, 0.3].map((recencyDecay) => ({
        factors: 64,
        learningRate: 0.05,
        regularization,
        recencyDecay,
        epochs: 40,
        patience: 2,
      })),
    ),
    iterative: true,
  },
  { name: "joint", kind: "joint", grid: [JOINT_SETTINGS], iterative: true },
  { name: "joint-no-user-loss", kind: "joint", grid: [{ ...JOINT_SETTINGS, userLossWeight: 0 }], iterative: true },
  { name: "joint-no-item-loss", kind: "joint", grid: [{ ...JOINT_SETTINGS, itemLossWeight: 0 }], iterative: true },
  { name: "joint-no-content", kind: "joint", grid: [{ ...JOINT_SETTINGS, useContent: false }], iterative: true },
  { name: "joint-no-ids", kind: "joint", grid: [{ ...JOINT_SETTINGS, useIds: false }], iterative: true },
];

export function findBenchmarkEntry(name: string): BenchmarkEntry {
  const entry = BENCHMARK_PLAN.find((candidate) => candidate.name === name);
  if (entry === undefined) {
    throw new Error(`unknown benchmark model ${name}; known: ${BENCHMARK_PLAN.map((e) => e.name).join(", ")}`);
  }
  return entry;
}

import type { Recommender } from "../recommender";
import { catalogCoverageAtK, mrrAtK, ndcgAtK, precisionAtK, recallAtK } from "./ranking-metrics";

export type EvaluationTarget = { userId: string; itemId: string };

export type MetricsAtK = { recall: number; ndcg: number; precision: number; mrr: number };

export type RankingEvaluation = {
  /** Targets evaluated (targets on items the model does not know count as misses). */
  users: number;
  /** Metrics by K, averaged over users. */
  atK: Record<number, MetricsAtK>;
  /** Fraction of the catalog appearing in some user's top K. */
  coverageAtK: Record<number, number>;
  /** The same metrics over targets whose item had no training interaction (cold items). */
  coldItems: { users: number; atK: Record<number, MetricsAtK> };
  seconds: number;
};

export type EvaluateOptions = {
  /** Cut-offs (default [10, 20]). */
  ks?: readonly number[];
  /** Item ids with at least one training interaction; targets outside it are counted as cold-item targets. */
  trainedItemIds?: ReadonlySet<string>;
};

/**
 * Ranks every catalog item for each target user — excluding the items the model was trained on for that user — and
 * averages recall, NDCG, precision and MRR at each K, plus catalog coverage and the cold-item slice. Uses the model's
 * `recommend` (partial top-k selection), so 5,000 users × 10,000 items take seconds.
 */
export function evaluateRanking(
  model: Recommender,
  targets: readonly EvaluationTarget[],
  options: EvaluateOptions = {},
): RankingEvaluation {
  const started = performance.now();
  const ks = [...(options.ks ?? [10, 20])].sort((a, b) => a - b);
  const maxK = ks[ks.length - 1] ?? 10;
  const byUser = new Map<string, Set<string>>();
  for (const { userId, itemId } of targets) {
    const set = byUser.get(userId) ?? new Set<string>();
    set.add(itemId);
    byUser.set(userId, set);
  }
  const sums = createSums(ks);
  const coldSums = createSums(ks);
  const lists: string[][] = [];
  let coldUsers = 0;
  for (const [userId, relevant] of byUser) {
    const query = model.knowsUser(userId) ? userId : { recentItemIds: [] };
    const ranked = model.recommend(query, { k: maxK }).map((r) => r.itemId);
    lists.push(ranked);
    addMetrics(sums, ranked, relevant, ks);
    const trained = options.trainedItemIds;
    if (trained !== undefined && [...relevant].some((itemId) => !trained.has(itemId))) {
      coldUsers++;
      addMetrics(coldSums, ranked, relevant, ks);
    }
  }
  const coverageAtK: Record<number, number> = {};
  for (const k of ks) coverageAtK[k] = catalogCoverageAtK(lists, model.items.size, k);
  return {
    users: byUser.size,
    atK: averageSums(sums, byUser.size),
    coverageAtK,
    coldItems: { users: coldUsers, atK: averageSums(coldSums, coldUsers) },
    seconds: (performance.now() - started) / 1000,
  };
}

function createSums(ks: readonly number[]): Map<number, MetricsAtK> {
  return new Map(ks.map((k) => [k, { recall: 0, ndcg: 0, precision: 0, mrr: 0 }]));
}

function addMetrics(sums: Map<number, MetricsAtK>, ranked: string[], relevant: Set<string>, ks: readonly number[]) {
  for (const k of ks) {
    const sum = sums.get(k);
    if (sum === undefined) continue;
    sum.recall += recallAtK(ranked, relevant, k);
    sum.ndcg += ndcgAtK(ranked, relevant, k);
    sum.precision += precisionAtK(ranked, relevant, k);
    sum.mrr += mrrAtK(ranked, relevant, k);
  }
}

function averageSums(sums: Map<number, MetricsAtK>, users: number): Record<number, MetricsAtK> {
  const out: Record<number, MetricsAtK> = {};
  for (const [k, sum] of sums) {
    const n = Math.max(1, users);
    out[k] = { recall: sum.recall / n, ndcg: sum.ndcg / n, precision: sum.precision / n, mrr: sum.mrr / n };
  }
  return out;
}

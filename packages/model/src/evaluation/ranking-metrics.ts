/**
 * Ranking metrics as pure functions of (ranked list, relevant set, k), after cornac's metrics/ranking.py.
 * The ranked list is best-first; only its first k entries count. A user with no relevant items scores 0.
 */

function countHits<T>(ranked: readonly T[], relevant: ReadonlySet<T>, k: number): number {
  let hits = 0;
  for (const item of ranked.slice(0, k)) if (relevant.has(item)) hits++;
  return hits;
}

/** Fraction of the relevant items found in the top k (= hit rate @k for a single target). */
export function recallAtK<T>(ranked: readonly T[], relevant: ReadonlySet<T>, k: number): number {
  if (relevant.size === 0) return 0;
  return countHits(ranked, relevant, k) / relevant.size;
}

/** Fraction of the k slots holding a relevant item (the denominator is k even when the list is shorter). */
export function precisionAtK<T>(ranked: readonly T[], relevant: ReadonlySet<T>, k: number): number {
  if (k <= 0) return 0;
  return countHits(ranked, relevant, k) / k;
}

/** Normalised discounted cumulative gain with binary relevance: DCG@k / ideal DCG@k, gain 1/log2(rank + 1). */
export function ndcgAtK<T>(ranked: readonly T[], relevant: ReadonlySet<T>, k: number): number {
  if (relevant.size === 0) return 0;
  let dcg = 0;
  ranked.slice(0, k).forEach((item, position) => {
    if (relevant.has(item)) dcg += 1 / Math.log2(position + 2);
  });
  let ideal = 0;
  for (let position = 0; position < Math.min(relevant.size, k); position++) ideal += 1 / Math.log2(position + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Reciprocal rank of the first relevant item within the top k (0 if none). */
export function mrrAtK<T>(ranked: readonly T[], relevant: ReadonlySet<T>, k: number): number {
  const position = ranked.slice(0, k).findIndex((item) => relevant.has(item));
  return position < 0 ? 0 : 1 / (position + 1);
}

/** Fraction of the catalog that appears in at least one user's top k. */
export function catalogCoverageAtK<T>(lists: Iterable<readonly T[]>, catalogSize: number, k: number): number {
  if (catalogSize <= 0) return 0;
  const seen = new Set<T>();
  for (const list of lists) for (const item of list.slice(0, k)) seen.add(item);
  return seen.size / catalogSize;
}

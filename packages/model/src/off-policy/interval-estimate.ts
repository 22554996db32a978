/** The two-sided 95 % quantile of the standard normal distribution. */
export const NORMAL_QUANTILE_95 = 1.959963984540054;

/** A point estimate with its standard error and 95 % confidence interval (normal approximation). */
export type IntervalEstimate = {
  estimate: number;
  standardError: number;
  lower: number;
  upper: number;
};

/** estimate ± 1.96·standardError. */
export function normalInterval(estimate: number, standardError: number): IntervalEstimate {
  const halfWidth = NORMAL_QUANTILE_95 * standardError;
  return { estimate, standardError, lower: estimate - halfWidth, upper: estimate + halfWidth };
}

/**
 * The mean of per-decision terms with the normal-approximation interval: IPS, doubly robust and the logged rate are
 * each the mean of one term per decision. Decisions served to the same shopper may be correlated (the same taste
 * behind every click), so the variance is clustered: with `clusters[i]` naming decision i's cluster, the clusters —
 * not the decisions — are the independent units, Var(mean) = G/(G − 1) · Σ_g (Σ_{i∈g} (tᵢ − mean))² / n² over the G
 * clusters. With every decision its own cluster (no `clusters`) this is the i.i.d. variance Σ (tᵢ − mean)² / ((n − 1)·n).
 */
export function meanWithInterval(terms: readonly number[], clusters?: readonly string[]): IntervalEstimate {
  const n = terms.length;
  if (n < 2) throw new Error(`A confidence interval needs at least 2 logged decisions, got ${n}.`);
  let sum = 0;
  for (const term of terms) sum += term;
  const mean = sum / n;
  return normalInterval(
    mean,
    clusteredStandardError(
      terms.map((term) => term - mean),
      clusters,
      n,
    ),
  );
}

/**
 * √(G/(G − 1) · Σ_g (Σ_{i∈g} eᵢ)²) / n: the cluster-robust standard error of a mean whose centred terms are `residuals`
 * (for a ratio estimator, its delta-method residuals). Each residual its own cluster when `clusters` is omitted. Throws
 * when the clusters do not match the residuals or fewer than two clusters remain.
 */
export function clusteredStandardError(
  residuals: readonly number[],
  clusters: readonly string[] | undefined,
  n: number,
): number {
  if (clusters === undefined) {
    let squares = 0;
    for (const residual of residuals) squares += residual ** 2;
    return Math.sqrt((squares * residuals.length) / (residuals.length - 1)) / n;
  }
  if (clusters.length !== residuals.length) {
    throw new Error(`Got ${clusters.length} cluster names for ${residuals.length} logged decisions.`);
  }
  const totals = new Map<string, number>();
  residuals.forEach((residual, index) => {
    const cluster = clusters[index] as string;
    totals.set(cluster, (totals.get(cluster) ?? 0) + residual);
  });
  const groups = totals.size;
  if (groups < 2) {
    throw new Error(`A confidence interval needs logged decisions of at least 2 shoppers (clusters), got ${groups}.`);
  }
  let squares = 0;
  for (const total of totals.values()) squares += total ** 2;
  return Math.sqrt((squares * groups) / (groups - 1)) / n;
}

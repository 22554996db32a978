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
 * The mean of i.i.d. terms with the normal-approximation interval from their empirical variance (divisor n − 1):
 * IPS, doubly robust and the logged rate are each the mean of one term per decision.
 */
export function meanWithInterval(terms: readonly number[]): IntervalEstimate {
  const n = terms.length;
  if (n < 2) throw new Error(`A confidence interval needs at least 2 logged decisions, got ${n}.`);
  let sum = 0;
  for (const term of terms) sum += term;
  const mean = sum / n;
  let squares = 0;
  for (const term of terms) squares += (term - mean) ** 2;
  return normalInterval(mean, Math.sqrt(squares / (n - 1) / n));
}

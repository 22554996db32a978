import { clusteredStandardError, type IntervalEstimate, normalInterval } from "./interval-estimate";
import { assertLoggedDecisions, clustersOf, importanceWeight, type LoggedDecision } from "./logged-decision";

/**
 * Self-normalised IPS: V̂ = Σ wᵢ·rᵢ / Σ wᵢ. Slightly biased (consistent), but it always lies within the range of the
 * observed rewards and its variance is much lower than IPS's when rewards share a large common level. Interval: the
 * delta method for the ratio of two means, Var(V̂) ≈ Σ (wᵢ·(rᵢ − V̂))² / ((n − 1)·n·w̄²) — deterministic, no bootstrap —
 * with the residuals wᵢ·(rᵢ − V̂) summed per shopper when the decisions name their clusters.
 */
export function estimateSelfNormalised(decisions: readonly LoggedDecision[]): IntervalEstimate {
  assertLoggedDecisions(decisions);
  const n = decisions.length;
  if (n < 2) throw new Error(`A confidence interval needs at least 2 logged decisions, got ${n}.`);
  const weights = decisions.map(importanceWeight);
  let weightSum = 0;
  let weightedRewardSum = 0;
  decisions.forEach((decision, index) => {
    const weight = weights[index] ?? 0;
    weightSum += weight;
    weightedRewardSum += weight * decision.reward;
  });
  if (weightSum === 0) {
    throw new Error(
      "Self-normalised IPS is undefined: the target policy gives probability 0 to every logged decision, so the logs say nothing about it.",
    );
  }
  const estimate = weightedRewardSum / weightSum;
  const residuals = decisions.map((decision, index) => (weights[index] ?? 0) * (decision.reward - estimate));
  const meanWeight = weightSum / n;
  return normalInterval(estimate, clusteredStandardError(residuals, clustersOf(decisions), n) / meanWeight);
}

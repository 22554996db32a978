import { type IntervalEstimate, meanWithInterval } from "./interval-estimate";
import { assertLoggedDecisions, clustersOf, importanceWeight, type LoggedDecision } from "./logged-decision";

/**
 * Inverse propensity scoring: V̂ = (1/n)·Σ wᵢ·rᵢ with wᵢ = π(aᵢ|xᵢ)/p₀(aᵢ|xᵢ). Unbiased for the target policy's
 * expected reward when every item the target may choose had a logging propensity > 0; its variance grows with the
 * weights. Interval: normal approximation with the empirical variance of the terms wᵢ·rᵢ, clustered by shopper.
 */
export function estimateInversePropensity(decisions: readonly LoggedDecision[]): IntervalEstimate {
  assertLoggedDecisions(decisions);
  return meanWithInterval(
    decisions.map((decision) => importanceWeight(decision) * decision.reward),
    clustersOf(decisions),
  );
}

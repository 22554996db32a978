import { type IntervalEstimate, meanWithInterval } from "./interval-estimate";
import { assertLoggedDecisions, clustersOf, importanceWeight, type LoggedDecision } from "./logged-decision";

/**
 * Doubly robust: V̂ = (1/n)·Σ [Σₐ π(a|xᵢ)·r̂(xᵢ, a) + wᵢ·(rᵢ − r̂(xᵢ, aᵢ))]. The reward model's expectation for the
 * target policy, corrected by the importance-weighted residual of the logged item: unbiased when the propensities are
 * right (whatever the reward model), and lower in variance than IPS the better the reward model is — exact, up to the
 * reward noise, with a perfect one. Interval: normal approximation with the empirical variance of the terms, clustered
 * by shopper.
 */
export function estimateDoublyRobust(decisions: readonly LoggedDecision[]): IntervalEstimate {
  assertLoggedDecisions(decisions);
  return meanWithInterval(
    decisions.map(
      (decision) =>
        decision.expectedTargetReward + importanceWeight(decision) * (decision.reward - decision.predictedReward),
    ),
    clustersOf(decisions),
  );
}

import { assertLoggedDecisions, importanceWeight, type LoggedDecision } from "./logged-decision";

/**
 * Kish's effective sample size of the importance weights, (Σ wᵢ)² / Σ wᵢ²: n when the target policy reweights every
 * decision alike, and far below n when a few decisions carry most of the weight (the estimates then rest on those few).
 * 0 when the target gives every logged decision probability 0.
 */
export function effectiveSampleSize(decisions: readonly LoggedDecision[]): number {
  assertLoggedDecisions(decisions);
  let sum = 0;
  let squares = 0;
  for (const decision of decisions) {
    const weight = importanceWeight(decision);
    sum += weight;
    squares += weight * weight;
  }
  return squares === 0 ? 0 : (sum * sum) / squares;
}

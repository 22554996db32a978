import { effectiveSampleSize } from "./effective-sample-size";
import { estimateDoublyRobust } from "./estimate-doubly-robust";
import { estimateInversePropensity } from "./estimate-inverse-propensity";
import { estimateSelfNormalised } from "./estimate-self-normalised";
import { type IntervalEstimate, meanWithInterval } from "./interval-estimate";
import { assertLoggedDecisions, clustersOf, importanceWeight, type LoggedDecision } from "./logged-decision";

/** Everything the logs say about one target policy and one reward, each estimate with its 95 % interval. */
export type OffPolicyEvaluation = {
  /** Number of logged decisions used. */
  decisions: number;
  /** The logging policy's own observed mean reward (what it actually earned), for comparison. */
  loggedReward: IntervalEstimate;
  inversePropensity: IntervalEstimate;
  selfNormalised: IntervalEstimate;
  doublyRobust: IntervalEstimate;
  /** Kish's effective sample size of the importance weights (see effectiveSampleSize). */
  effectiveSampleSize: number;
  /**
   * The share of the target policy's probability mass on items the logging policy could have shown, estimated as the
   * mean importance weight: E₀[π(a|x)/p₀(a|x)] = Σ over items with p₀ > 0 of π(a|x). Near 1: the logs support the
   * target; clearly below 1: the target chooses items the logs never show, and IPS / DR underestimate it.
   */
  supportedShare: IntervalEstimate;
};

/** IPS, self-normalised IPS and doubly robust estimates of a target policy's mean reward from logged decisions. */
export function evaluateOffPolicy(decisions: readonly LoggedDecision[]): OffPolicyEvaluation {
  assertLoggedDecisions(decisions);
  if (decisions.length < 2) {
    throw new Error(`Off-policy evaluation needs at least 2 logged decisions, got ${decisions.length}.`);
  }
  const clusters = clustersOf(decisions);
  return {
    decisions: decisions.length,
    loggedReward: meanWithInterval(
      decisions.map((decision) => decision.reward),
      clusters,
    ),
    inversePropensity: estimateInversePropensity(decisions),
    selfNormalised: estimateSelfNormalised(decisions),
    doublyRobust: estimateDoublyRobust(decisions),
    effectiveSampleSize: effectiveSampleSize(decisions),
    supportedShare: meanWithInterval(decisions.map(importanceWeight), clusters),
  };
}

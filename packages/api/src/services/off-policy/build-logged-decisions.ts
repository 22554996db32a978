import type { OffPolicyReward } from "@jewelguide/db";
import type { LoggedDecision } from "@jewelguide/model/off-policy";
import { type LoggedImpression, rewardOf } from "./load-impression-log";

/** The candidate policy's distribution over products in one logged slot: productId → probability (summing to 1). */
export type SlotDistribution = ReadonlyMap<number, number>;

/**
 * The estimators' input for one reward: per logged exploratory decision, its logged propensity, the candidate's
 * probability of the logged product in that slot, the reward it earned, the reward model's view (the logged
 * product's predicted reward and the candidate's expected one, Σ π(a)·r̂(a) over its distribution), and the shopper it
 * was served to (the intervals' cluster).
 */
export function buildLoggedDecisions(
  decisions: readonly LoggedImpression[],
  targetOf: (decision: LoggedImpression) => SlotDistribution,
  predict: (decision: LoggedImpression, productId: number) => number,
  reward: OffPolicyReward,
): LoggedDecision[] {
  return decisions.map((decision) => {
    const target = targetOf(decision);
    let expectedTargetReward = 0;
    for (const [productId, probability] of target) expectedTargetReward += probability * predict(decision, productId);
    return {
      loggingPropensity: decision.propensity,
      targetProbability: target.get(decision.productId) ?? 0,
      reward: rewardOf(decision, reward),
      predictedReward: predict(decision, decision.productId),
      expectedTargetReward,
      // One shopper's feeds share their taste, so the intervals count shoppers (a request naming nobody stands alone).
      cluster: decision.shopperId === null ? `request:${decision.requestId}` : `shopper:${decision.shopperId}`,
    };
  });
}

import { createHash } from "node:crypto";
import type { OffPolicyReward } from "@jewelguide/db";
import { type LoggedImpression, rewardOf } from "./load-impression-log";

/** Pseudo-impressions of the shared rate each item's own rate is shrunk toward. */
export const SMOOTHING_IMPRESSIONS = 20;

export const REWARD_MODEL_DESCRIPTION = `per-item rate over every logged impression, shrunk toward the exploration slots' mean by ${SMOOTHING_IMPRESSIONS} pseudo-impressions, cross-fitted in two folds of requests`;

/** The fold (0 or 1) of a served request: a decision's reward model is fitted on the other fold only. */
export function foldOf(requestId: string): 0 | 1 {
  return ((createHash("sha256").update(requestId).digest()[0] ?? 0) & 1) as 0 | 1;
}

/**
 * The doubly robust estimator's reward model r̂(item): the item's observed rate over all logged impressions (every slot,
 * every policy), shrunk toward the mean reward of the exploration slots by SMOOTHING_IMPRESSIONS pseudo-impressions.
 * Cross-fitted: a decision in one fold of requests is predicted from the other fold's impressions only, so the model
 * never saw the reward it corrects (DR stays unbiased whatever the model; a better model only narrows the interval).
 */
export function fitSmoothedItemRates(
  log: readonly LoggedImpression[],
  reward: OffPolicyReward,
): (fold: 0 | 1, productId: number) => number {
  const counts = [
    new Map<number, { shown: number; earned: number }>(),
    new Map<number, { shown: number; earned: number }>(),
  ];
  const exploration = [
    { shown: 0, earned: 0 },
    { shown: 0, earned: 0 },
  ];
  for (const impression of log) {
    const fold = foldOf(impression.requestId);
    const earned = rewardOf(impression, reward);
    const items = counts[fold];
    const item = items?.get(impression.productId) ?? { shown: 0, earned: 0 };
    item.shown += 1;
    item.earned += earned;
    items?.set(impression.productId, item);
    const slots = exploration[fold];
    if (impression.exploratory && slots) {
      slots.shown += 1;
      slots.earned += earned;
    }
  }
  return (fold, productId) => {
    const other = 1 - fold;
    const slots = exploration[other] ?? { shown: 0, earned: 0 };
    const prior = slots.shown > 0 ? slots.earned / slots.shown : 0;
    const item = counts[other]?.get(productId) ?? { shown: 0, earned: 0 };
    return (item.earned + SMOOTHING_IMPRESSIONS * prior) / (item.shown + SMOOTHING_IMPRESSIONS);
  };
}

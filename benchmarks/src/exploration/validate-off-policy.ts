import { createRng } from "@jewelguide/model";
import { type ExplorationConfig, explorationProbabilities, explorationSeed } from "@jewelguide/model/exploration";
import {
  evaluateOffPolicy,
  type IntervalEstimate,
  type LoggedDecision,
  meanWithInterval,
  type OffPolicyEvaluation,
} from "@jewelguide/model/off-policy";
import type { PriorScore } from "./exploring-policy";
import type { VisitContext } from "./feed-policy";
import type { ObservedVisit } from "./simulate-days";

/** A policy whose click rate the logs are asked about: the same pool, another exploration config or score source. */
export type TargetPolicy = {
  name: string;
  config: ExplorationConfig;
  /** The scores its bandit reads for the pool's items (default: the served model's), as its policy reads them. */
  priorScore?: PriorScore;
};

export type TargetValidation = {
  name: string;
  /** The click rate the target earns at its first exploratory slot serving the same visits (exact expectation). */
  truth: IntervalEstimate;
  offPolicy: OffPolicyEvaluation;
  /** Whether the truth lies inside each estimator's 95 % interval. */
  covered: { inversePropensity: boolean; selfNormalised: boolean; doublyRobust: boolean };
};

/** Pseudo-impressions of the DR reward model's shrinkage toward the overall click rate. */
const REWARD_MODEL_STRENGTH = 10;

/**
 * Collects, from an exploring policy's served visits, one logged decision per visit — the slate's FIRST exploratory
 * slot, where the logged propensity is the slot's unconditional probability (later slots are conditional on the logged
 * earlier picks, which another policy would not share) — with each target's probability of that same item from the
 * same pool (the feed's pool is a fixed function of the visit, so a target serving the visit meets the same pool). The
 * truth is what the target earns serving those visits, computed exactly rather than sampled: the click model's click
 * probability of each pool item in that slot, weighted by the probability the target's slot shows it (the very
 * distribution its serving samples from), averaged over visits. The estimates see only the logged clicks. DR's reward model: each item's click rate from the day's evidence, shrunk toward the
 * overall rate by 10 pseudo-impressions.
 */
export function createOffPolicyValidator(targets: readonly TargetPolicy[]) {
  const decisions = targets.map(() => [] as LoggedDecision[]);
  const truths = targets.map(() => [] as number[]);
  return {
    observe(visit: ObservedVisit): void {
      const { context, served, clicked } = visit;
      const position = served.picks.findIndex((pick) => pick.exploratory);
      const pick = served.picks[position];
      const exploration = served.exploration;
      if (pick === undefined || exploration === undefined) return;
      const chosen = exploration.pool.findIndex((candidate) => candidate.item.product.id === pick.itemIndex);
      const reward = rewardModel(context);
      const predicted = exploration.pool.map((candidate) => reward(candidate.item.product.id));
      const eligible = exploration.pool.map((candidate) => exploration.fits(candidate.item, pick.slot, []));
      targets.forEach((target, t) => {
        const scored = exploration.pool.map((candidate) => ({
          ...candidate,
          score: target.priorScore?.(context, candidate) ?? candidate.score,
        }));
        const rng = createRng(
          explorationSeed(`target-probabilities|${target.name}|${context.shopperIndex}|${context.day}`),
        );
        const probabilities = explorationProbabilities(scored, target.config, rng);
        let total = 0;
        probabilities.forEach((p, j) => {
          if (eligible[j]) total += p;
        });
        let expected = 0;
        probabilities.forEach((p, j) => {
          if (eligible[j]) expected += (p / total) * (predicted[j] as number);
        });
        decisions[t]?.push({
          loggingPropensity: pick.propensity,
          targetProbability: (probabilities[chosen] ?? 0) / total,
          reward: clicked[position] ? 1 : 0,
          predictedReward: predicted[chosen] ?? 0,
          expectedTargetReward: expected,
          // A shopper's feeds on different days share their taste: the intervals count shoppers, not feeds.
          cluster: context.userId,
        });
        let truth = 0;
        probabilities.forEach((p, j) => {
          const candidate = exploration.pool[j];
          if (eligible[j] && candidate !== undefined) {
            truth += (p / total) * visit.clickProbability(candidate.item.product.id, pick.slot);
          }
        });
        truths[t]?.push(truth);
      });
    },
    /** Each target's validation; none when the logs hold fewer than two decisions (no interval exists then). */
    results(): TargetValidation[] {
      if ((decisions[0]?.length ?? 0) < 2) return [];
      return targets.map((target, t) => {
        const truth = meanWithInterval(truths[t] ?? []);
        const offPolicy = evaluateOffPolicy(decisions[t] ?? []);
        const inside = (interval: IntervalEstimate) =>
          interval.lower <= truth.estimate && truth.estimate <= interval.upper;
        return {
          name: target.name,
          truth,
          offPolicy,
          covered: {
            inversePropensity: inside(offPolicy.inversePropensity),
            selfNormalised: inside(offPolicy.selfNormalised),
            doublyRobust: inside(offPolicy.doublyRobust),
          },
        };
      });
    },
  };
}

/** Each item's smoothed click rate from the evidence the visit read (the DR estimator's reward model). */
function rewardModel(context: VisitContext): (itemIndex: number) => number {
  const { impressions, rewards } = context.evidence;
  let shown = 0;
  let clicked = 0;
  for (let i = 0; i < impressions.length; i++) {
    shown += impressions[i] as number;
    clicked += rewards[i] as number;
  }
  const overall = shown > 0 ? clicked / shown : 0;
  return (itemIndex) =>
    ((rewards[itemIndex] as number) + REWARD_MODEL_STRENGTH * overall) /
    ((impressions[itemIndex] as number) + REWARD_MODEL_STRENGTH);
}

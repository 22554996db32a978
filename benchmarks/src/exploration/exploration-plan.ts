import { DEFAULT_FEED_RULES } from "@jewelguide/api/feed-rules";
import { DEFAULT_EXPLORATION_CONFIG, type ExplorationConfig, explorationSlotsFor } from "@jewelguide/model/exploration";

/** The feed's length and rules as the shop serves them (the feed's default k and DEFAULT_FEED_RULES). */
export const FEED = {
  k: 12,
  firstScreenSize: DEFAULT_FEED_RULES.firstScreenSize,
  maxPerCategory: DEFAULT_FEED_RULES.maxPerCategory,
  candidatePool: DEFAULT_FEED_RULES.candidatePool,
  recentLimit: DEFAULT_FEED_RULES.recentLimit,
} as const;

/**
 * The exploration layer's config at a share: the shop's defaults with the slots the shop's setting gives for that
 * many (`explorationSlotsFor`, the table JEWELGUIDE_EXPLORATION_SLOTS reads: 1 → [9], 2 → [3, 9], 3 → [3, 6, 9]).
 */
export function explorationConfigFor(share: number): ExplorationConfig {
  return { ...DEFAULT_EXPLORATION_CONFIG, slots: explorationSlotsFor(share) };
}

/**
 * The share that logs for the off-policy validation: two slots, twice the logged decisions of the shop's default
 * one, so the estimators' intervals are narrower; the estimators read only each feed's first exploratory slot.
 */
export const LOGGING_SHARE = 2;

/**
 * The policies whose click rate the logs estimate: the same pool and slots, another bandit. Each keeps the default
 * config but for the named change. `popularityPrior` centres the bandit's prior on another model's scores (popularity)
 * instead of the served model's. The first is the logging policy itself (with other draws): the on-policy check, its
 * truth the logged decisions' own expected click rate.
 */
export const OFF_POLICY_TARGETS: ReadonlyArray<{
  name: string;
  change: Partial<ExplorationConfig>;
  popularityPrior?: boolean;
}> = [
  { name: "the logging policy itself (on-policy check)", change: {} },
  { name: "prior strength 20 (trusts the model's score more)", change: { priorStrength: 20 } },
  { name: "floor 0.5 (half uniform over the pool)", change: { floor: 0.5 } },
  { name: "prior from the popularity model's scores", change: {}, popularityPrior: true },
];

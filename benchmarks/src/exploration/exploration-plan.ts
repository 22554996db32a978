import { DEFAULT_FEED_RULES } from "@jewelguide/api/feed-rules";
import { DEFAULT_EXPLORATION_CONFIG, type ExplorationConfig } from "@jewelguide/model/exploration";

/** The feed's length and rules as the shop serves them (the feed's default k and DEFAULT_FEED_RULES). */
export const FEED = {
  k: 12,
  firstScreenSize: DEFAULT_FEED_RULES.firstScreenSize,
  maxPerCategory: DEFAULT_FEED_RULES.maxPerCategory,
  candidatePool: DEFAULT_FEED_RULES.candidatePool,
  recentLimit: DEFAULT_FEED_RULES.recentLimit,
} as const;

/**
 * The exploration shares compared: how many of the 12 slots explore, and which (0-based). Two is the shop's default
 * (DEFAULT_EXPLORATION_CONFIG.slots); one keeps its lower slot, three adds one between.
 */
export const SHARE_SLOTS: Readonly<Record<number, readonly number[]>> = {
  0: [],
  1: [9],
  2: DEFAULT_EXPLORATION_CONFIG.slots,
  3: [3, 6, 9],
};

/** The exploration layer's config at a share: the shop's defaults with that share's slots. */
export function explorationConfigFor(share: number): ExplorationConfig {
  const slots = SHARE_SLOTS[share];
  if (slots === undefined) {
    throw new Error(`exploration share ${share} is not one of ${Object.keys(SHARE_SLOTS).join(", ")} slots of 12`);
  }
  return { ...DEFAULT_EXPLORATION_CONFIG, slots };
}

/** The share that logs for the off-policy validation: the shop's default. */
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

/** Business rules of the feed, with documented defaults; tests and operators may pass their own. */
export type FeedRules = {
  /** How many picks make the first screen. */
  firstScreenSize: number;
  /** At most this many picks of one category on the first screen. */
  maxPerCategory: number;
  /** How many ranked candidates the model returns before the rules pick from them. */
  candidatePool: number;
  /** Events younger than this (ms) count as the shopper's current session and are folded into the user vector. */
  recentWindowMs: number;
  /** At most this many recent events are folded in. */
  recentLimit: number;
  /** How many of the most recent items are tried as "similar to …" anchors for explanations. */
  anchorLimit: number;
  /** A pick is "similar to X" only when it is among X's this-many most similar items. */
  anchorNeighbourhood: number;
};

export const DEFAULT_FEED_RULES: FeedRules = {
  firstScreenSize: 12,
  maxPerCategory: 3,
  candidatePool: 240,
  recentWindowMs: 7 * 24 * 3_600_000,
  recentLimit: 50,
  anchorLimit: 5,
  anchorNeighbourhood: 100,
};

import { createImpressionWriter, type DbHandle, type ImpressionWriter } from "@jewelguide/db";
import {
  checkExplorationConfig,
  DEFAULT_EXPLORATION_CONFIG,
  type ExplorationConfig,
  explorationSlotsFor,
  MAX_EXPLORATION_SLOTS,
} from "@jewelguide/model/exploration";
import { createExplorationEvidence, type ExplorationEvidence } from "./exploration-evidence";

/** The policy logged with impressions when exploration is off: every pick is the model's, with propensity 1. */
export const GREEDY_POLICY = "greedy";

export { MAX_EXPLORATION_SLOTS };

/**
 * The feed's exploration layer in one process: its config (null: off, pure greedy), the evidence it reads, and the
 * impression log every served feed is written to (exploring or not).
 */
export type FeedExploration = {
  config: ExplorationConfig | null;
  evidence: ExplorationEvidence;
  impressions: ImpressionWriter;
};

export type FeedExplorationOptions = {
  /** The policy's settings; null or absent: exploration off. */
  config?: ExplorationConfig | null;
};

export function createFeedExploration(
  { sql, target }: Pick<DbHandle, "sql" | "target">,
  options: FeedExplorationOptions = {},
): FeedExploration {
  return {
    config: options.config ? checkExplorationConfig(options.config) : null,
    evidence: createExplorationEvidence(sql),
    impressions: createImpressionWriter(target),
  };
}

/**
 * The operator's setting JEWELGUIDE_EXPLORATION_SLOTS as a config: `count` exploration slots of the first screen of 12
 * (`explorationSlotsFor`: 1 → [9], 2 → [3, 9], 3 → [3, 6, 9], 4 → [2, 5, 8, 11]); 0 → null (off). Anything else
 * throws naming the setting and the allowed values.
 */
export function explorationConfigForSlots(count: number): ExplorationConfig | null {
  if (!Number.isInteger(count) || count < 0 || count > MAX_EXPLORATION_SLOTS) {
    throw new Error(
      `JEWELGUIDE_EXPLORATION_SLOTS must be a whole number from 0 (exploration off) to ${MAX_EXPLORATION_SLOTS}, got ${count}`,
    );
  }
  if (count === 0) return null;
  return { ...DEFAULT_EXPLORATION_CONFIG, slots: explorationSlotsFor(count) };
}

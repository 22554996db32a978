import {
  composeExploringSlate,
  createRng,
  type ExplorationCandidate,
  type ExplorationConfig,
  explorationSeed,
  type SlatePick,
} from "@jewelguide/model/exploration";
import type { EvidenceSnapshot } from "../../exploration/exploration-evidence";
import { planExplorationPool } from "../../exploration/plan-exploration-pool";
import type { ServingSnapshot } from "../../model-serving/serving-snapshot";
import type { FeedRules } from "./feed-rules";
import type { Candidate } from "./rank-candidates";

export type ExploreFeedInput = {
  snapshot: ServingSnapshot;
  evidence: EvidenceSnapshot;
  config: ExplorationConfig;
  rules: FeedRules;
  /** The greedy slate (the model's picks after the rules), in order. */
  greedy: readonly Candidate[];
  /** The model's ranked candidates the greedy slate was picked from (all in stock, none bought or seen). */
  ranked: readonly Candidate[];
  /** Products that may not be shown: bought, and (as the model leaves out) recently interacted with. */
  excludedIds: ReadonlySet<number>;
  /** Whose feed (a fixed rotation of the least-shown list per shopper), when known. */
  shopperId: string | undefined;
  requestId: string;
};

/** The exploration candidates of a request and the rule a candidate must pass to fill a slot. */
export type ExplorationPlan = {
  pool: Array<ExplorationCandidate & { item: Candidate }>;
  fits: (candidate: Candidate, slot: number, taken: ReadonlyArray<{ item: Candidate; slot: number }>) => boolean;
};

/**
 * The feed's greedy slate with its exploration slots filled: composeExploringSlate over planExploration's pool and
 * rule, its random draws seeded by the request id (explorationSeed), so a request can be replayed.
 */
export function exploreFeed(input: ExploreFeedInput): Array<SlatePick<Candidate>> {
  const { pool, fits } = planExploration(input);
  return composeExploringSlate({
    greedy: input.greedy,
    pool,
    config: input.config,
    rng: createRng(explorationSeed(input.requestId)),
    fits,
  });
}

/**
 * The request's exploration pool and category rule: planExplorationPool (the one rule the exploration simulator uses
 * too) over the serving snapshot's catalog and the evidence's index of it.
 */
export function planExploration(input: ExploreFeedInput): ExplorationPlan {
  const { snapshot, evidence } = input;
  return planExplorationPool({
    ranked: input.ranked,
    greedy: input.greedy,
    isExcluded: (id) => input.excludedIds.has(id),
    evidenceOf: (id) => evidence.of(id),
    index: evidence.index(snapshot.catalog),
    shopperId: input.shopperId,
    config: input.config,
    rules: input.rules,
  });
}

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
import type { CachedProduct } from "../../model-serving/product-catalog";
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
  /**
   * Products that may not be shown: bought, and (as the model leaves out) recently interacted with. Their categories
   * and metals are the shopper's taste, which the pool's catalog part follows.
   */
  excludedIds: ReadonlySet<number>;
  /** Whose feed (a fixed rotation of the least-shown lists per shopper), when known. */
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
 * too) over the serving snapshot's catalog, the evidence's index of it, and the shopper's taste — the products they
 * bought or recently interacted with, which are also the ones never shown.
 */
export function planExploration(input: ExploreFeedInput): ExplorationPlan {
  const { snapshot, evidence } = input;
  const taste: CachedProduct[] = [];
  for (const id of input.excludedIds) {
    const product = snapshot.catalog.byId.get(id);
    if (product) taste.push(product);
  }
  return planExplorationPool({
    ranked: input.ranked,
    greedy: input.greedy,
    isExcluded: (id) => input.excludedIds.has(id),
    taste,
    evidenceOf: (id) => evidence.of(id),
    index: evidence.index(snapshot),
    shopperId: input.shopperId,
    config: input.config,
    rules: input.rules,
  });
}

import { createHash } from "node:crypto";
import {
  composeExploringSlate,
  createRng,
  type ExplorationCandidate,
  type ExplorationConfig,
  explorationSeed,
  type SlatePick,
} from "@jewelguide/model/exploration";
import type { EvidenceSnapshot } from "../../exploration/exploration-evidence";
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
 * The exploration pool holds only items every feed rule allows — in stock, not bought, not recently interacted with,
 * not already on the slate — and favours little evidence: half of it is the model's further-ranked candidates with
 * the fewest impressions (anywhere in its ranked pool, not just the next ones), the other half the catalog's
 * least-shown in-stock products (never-shown first, including products the model cannot rate yet), from a rotation
 * fixed per shopper, scored from the ranking (scoreFromRanking). An exploratory pick on the first screen must leave
 * its category within the cap (`fits`), counting every greedy item of the first screen, so the cap holds whichever
 * slots get filled.
 */
export function planExploration(input: ExploreFeedInput): ExplorationPlan {
  const { snapshot, evidence, config, greedy } = input;
  const onSlate = new Set(greedy.map((pick) => pick.product.id));
  const allowed = (product: CachedProduct) =>
    product.inStock && !onSlate.has(product.id) && !input.excludedIds.has(product.id);
  const half = Math.ceil(config.poolSize / 2);
  const modelPart = input.ranked
    .filter((candidate) => allowed(candidate.product))
    .map((candidate, rank) => ({ candidate, rank, shown: evidence.of(candidate.product.id).impressions }))
    .sort((a, b) => a.shown - b.shown || a.rank - b.rank)
    .slice(0, half)
    .map((entry) => entry.candidate);
  const inPool = new Set(modelPart.map((candidate) => candidate.product.id));
  const catalogPart = pickLeastShown(
    evidence.leastShown(snapshot.catalog),
    (product) => allowed(product) && !inPool.has(product.id),
    config.poolSize - modelPart.length,
    input.shopperId === undefined ? 0 : createHash("sha1").update(input.shopperId).digest().readUInt32BE(0),
  );
  const pool = [...modelPart, ...scoreFromRanking(input.ranked, catalogPart)].map((candidate) => ({
    item: candidate,
    score: candidate.score,
    ...evidence.of(candidate.product.id),
  }));
  const screen = input.rules.firstScreenSize;
  const greedyOnScreen = new Map<string, number>();
  for (const pick of greedy.slice(0, screen)) {
    greedyOnScreen.set(pick.product.category, (greedyOnScreen.get(pick.product.category) ?? 0) + 1);
  }
  return {
    pool,
    fits: (candidate, slot, taken) => {
      if (slot >= screen) return true;
      const category = candidate.product.category;
      const alreadyOnScreen = taken.filter((pick) => pick.slot < screen && pick.item.product.category === category);
      return (greedyOnScreen.get(category) ?? 0) + alreadyOnScreen.length < input.rules.maxPerCategory;
    },
  };
}

/** Up to `count` allowed products of the least-shown list, walking it from `offset` round the end. */
function pickLeastShown(
  list: readonly CachedProduct[],
  isAllowed: (product: CachedProduct) => boolean,
  count: number,
  offset: number,
): CachedProduct[] {
  const picked: CachedProduct[] = [];
  for (let i = 0; i < list.length && picked.length < count; i++) {
    const product = list[(offset + i) % list.length];
    if (product && isAllowed(product)) picked.push(product);
  }
  return picked;
}

/**
 * Model scores for catalog products from the ranking already computed (no second scoring pass): a product in the
 * ranked candidates keeps its score; one outside them — the model ranks it below its whole candidate pool, or cannot
 * rate it at all (a new product) — gets the lowest score of the ranking. The prior's tilt by score is bounded
 * (priorMeans), so the exact value below that matters little.
 */
function scoreFromRanking(ranked: readonly Candidate[], products: readonly CachedProduct[]): Candidate[] {
  const scoreOf = new Map(ranked.map((candidate) => [candidate.product.id, candidate.score]));
  const finite = ranked.map((candidate) => candidate.score).filter(Number.isFinite);
  const lowest = finite.length > 0 ? Math.min(...finite) : 0;
  return products.map((product) => ({ product, score: scoreOf.get(product.id) ?? lowest }));
}

import { createHash } from "node:crypto";
import type { ExplorationCandidate, ExplorationConfig } from "@jewelguide/model/exploration";
import type { ExplorationIndex, ItemEvidence, PoolProduct } from "./exploration-index";

/** A product with the model's score for this shopper. */
export type PoolItem<P extends PoolProduct> = { product: P; score: number };

export type PoolPlanInput<P extends PoolProduct> = {
  /** The model's ranked candidates for this shopper (in stock, none bought or seen), in order. */
  ranked: readonly PoolItem<P>[];
  /** The greedy slate (the model's picks after the rules), in order. */
  greedy: readonly PoolItem<P>[];
  /** Whether a product may not be shown: bought, or recently interacted with. */
  isExcluded: (productId: number) => boolean;
  evidenceOf: (productId: number) => ItemEvidence;
  index: ExplorationIndex<P>;
  /** Whose feed: fixes where the shopper's walk through the least-shown list starts (first visits: 0). */
  shopperId: string | undefined;
  config: Pick<ExplorationConfig, "poolSize">;
  rules: { firstScreenSize: number; maxPerCategory: number };
};

/** The exploration candidates of a request and the rule a candidate must pass to fill a slot. */
export type PoolPlan<P extends PoolProduct> = {
  pool: Array<ExplorationCandidate & { item: PoolItem<P> }>;
  fits: (candidate: PoolItem<P>, slot: number, taken: ReadonlyArray<{ item: PoolItem<P>; slot: number }>) => boolean;
};

/**
 * The exploration pool of one request — the one rule both the feed (planExploration) and the exploration simulator
 * (`npm run bench -- exploration`) use. Only products every feed rule allows: in stock, not bought, not recently
 * interacted with, not on the greedy slate. Up to `poolSize` candidates: half the model's ranked candidates with the
 * fewest impressions (ties by rank), anywhere in its ranking; the rest the index's least-shown list walked from an
 * offset fixed per shopper (their id's SHA-1), scored from the ranking (scoreFromRanking). An exploratory pick on the
 * first screen must leave its category within the cap (`fits`), counting every greedy item of the first screen, so
 * the cap holds whichever slots get filled.
 */
export function planExplorationPool<P extends PoolProduct>(input: PoolPlanInput<P>): PoolPlan<P> {
  const { greedy, config, rules } = input;
  const onSlate = new Set(greedy.map((pick) => pick.product.id));
  const inPool = new Set<number>();
  const allowed = (product: P) =>
    product.inStock && !onSlate.has(product.id) && !input.isExcluded(product.id) && !inPool.has(product.id);
  const modelPart = input.ranked
    .filter((candidate) => allowed(candidate.product))
    .map((candidate, rank) => ({ candidate, rank, shown: input.evidenceOf(candidate.product.id).impressions }))
    .sort((a, b) => a.shown - b.shown || a.rank - b.rank)
    .slice(0, Math.ceil(config.poolSize / 2))
    .map((entry) => entry.candidate);
  for (const candidate of modelPart) inPool.add(candidate.product.id);
  const offset =
    input.shopperId === undefined ? 0 : createHash("sha1").update(input.shopperId).digest().readUInt32BE(0);
  const catalogPart: P[] = [];
  const list = input.index.leastShown;
  for (let i = 0; i < list.length && modelPart.length + catalogPart.length < config.poolSize; i++) {
    const product = list[(offset + i) % list.length];
    if (product && allowed(product)) catalogPart.push(product);
  }
  const pool = [...modelPart, ...scoreFromRanking(input.ranked, catalogPart)].map((candidate) => ({
    item: candidate,
    score: candidate.score,
    ...input.evidenceOf(candidate.product.id),
  }));
  const screen = rules.firstScreenSize;
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
      return (greedyOnScreen.get(category) ?? 0) + alreadyOnScreen.length < rules.maxPerCategory;
    },
  };
}

/**
 * Model scores for catalog products from the ranking already computed (no second scoring pass): a product in the
 * ranked candidates keeps its score; one outside them — the model ranks it below its whole candidate pool, or cannot
 * rate it at all (a new product) — gets the lowest score of the ranking. The prior's tilt by score is bounded
 * (priorMeans), so the exact value below that matters little.
 */
function scoreFromRanking<P extends PoolProduct>(
  ranked: readonly PoolItem<P>[],
  products: readonly P[],
): PoolItem<P>[] {
  const scoreOf = new Map(ranked.map((candidate) => [candidate.product.id, candidate.score]));
  let lowest = Number.POSITIVE_INFINITY;
  for (const candidate of ranked) {
    if (Number.isFinite(candidate.score) && candidate.score < lowest) lowest = candidate.score;
  }
  return products.map((product) => ({
    product,
    score: scoreOf.get(product.id) ?? (lowest === Number.POSITIVE_INFINITY ? 0 : lowest),
  }));
}

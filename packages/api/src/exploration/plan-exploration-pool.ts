import { createHash } from "node:crypto";
import type { ExplorationCandidate, ExplorationConfig } from "@jewelguide/model/exploration";
import { attributeAffinity, type TasteProfile, tasteProfileOf } from "./attribute-affinity";
import { type ExplorationIndex, type ItemEvidence, type PoolProduct, tasteKeysOf } from "./exploration-index";

/** A product with the model's score for this shopper. */
export type PoolItem<P extends PoolProduct> = { product: P; score: number };

export type PoolPlanInput<P extends PoolProduct> = {
  /** The model's ranked candidates for this shopper (in stock, none bought or seen), in order. */
  ranked: readonly PoolItem<P>[];
  /** The greedy slate (the model's picks after the rules), in order. */
  greedy: readonly PoolItem<P>[];
  /** Whether a product may not be shown: bought, or recently interacted with. */
  isExcluded: (productId: number) => boolean;
  /** The products of the shopper's recent actions and purchases: their categories and metals are the shopper's taste. */
  taste: readonly P[];
  evidenceOf: (productId: number) => ItemEvidence;
  index: ExplorationIndex<P>;
  /** Whose feed: fixes where the shopper's walk through the least-shown lists starts (first visits: 0). */
  shopperId: string | undefined;
  config: Pick<ExplorationConfig, "poolSize" | "slots">;
  rules: { firstScreenSize: number; maxPerCategory: number };
};

/** The exploration candidates of a request and the rule a candidate must pass to fill a slot. */
export type PoolPlan<P extends PoolProduct> = {
  pool: Array<ExplorationCandidate & { item: PoolItem<P> }>;
  fits: (candidate: PoolItem<P>, slot: number, taken: ReadonlyArray<{ item: PoolItem<P>; slot: number }>) => boolean;
};

/** Of the pool, at most this share is followed-up items. */
const FOLLOW_UP_SHARE = 1 / 4;
/** Of the catalog part, at most this share matches the shopper's taste; the rest is the general least-shown list. */
const TASTE_SHARE = 3 / 4;

/**
 * The exploration pool of one request — the one rule both the feed (planExploration) and the exploration simulator
 * (`npm run bench -- exploration`) use. Only products every feed rule allows: in stock, not bought, not recently
 * interacted with, not on the greedy slate, and able to fill at least one exploration slot under the first screen's
 * category cap (one that could not would only dilute the pool). Up to `poolSize` candidates, in four parts:
 * 1. half: the model's ranked candidates, anywhere in its ranking — first those it cannot rate from behaviour
 *    (index.isUnrated: in its universe, but nobody had interacted with them when it was trained, so it ranks them by
 *    content alone), then the others; each by fewest impressions, ties by rank;
 * 2. up to a quarter: followed-up products (index.followUp: a reward earned, evidence still thin), those matching the
 *    shopper's taste first, so a click earned is shown again until its evidence suffices;
 * 3. the rest, three quarters of it from the shopper's taste keys (the categories and metals of their recent actions
 *    and purchases): first the products of those keys the served model cannot rate (index.unratedByTaste: it learned
 *    nothing about them, so it never ranks them and only exploration can earn them evidence), then the keys'
 *    least-shown lists; one key in turn (most specific first), each list walked from an offset fixed per shopper.
 *    (thompson-beta/3 ordered them by attribute affinity instead: three times the planning cost for no measured
 *    gain, docs/exploration.md "Cost".)
 * 4. and the general least-shown list walked from that offset (all of the rest for a first visit).
 * Products outside the ranking are scored from it and their attribute affinity (scoreFromRanking). An exploratory
 * pick on the first screen must leave its category within the cap (`fits`) on the screen as served: the greedy picks
 * that stay on it (an exploratory pick pushes the greedy tail off) and the exploratory picks before it, counted so
 * that the cap holds whichever later slots stay greedy.
 */
export function planExplorationPool<P extends PoolProduct>(input: PoolPlanInput<P>): PoolPlan<P> {
  const { greedy, config, rules, index } = input;
  const screen = rules.firstScreenSize;
  // The first screen holds the greedy slate's first `screenLength - e` picks beside the e exploratory ones (the greedy
  // tail drops off), so the cap counts only the greedy picks that stay.
  const screenGreedy = greedy.slice(0, screen);
  const greedyKept = (category: string, kept: number) => {
    let count = 0;
    for (let i = 0; i < kept && i < screenGreedy.length; i++)
      if (screenGreedy[i]?.product.category === category) count++;
    return count;
  };
  const openSlots = config.slots.filter((slot) => slot < greedy.length);
  const openOnScreen = openSlots.filter((slot) => slot < screen).length;
  const anySlotPastScreen = openSlots.some((slot) => slot >= screen);
  const fitsSomeSlot = (product: P) =>
    anySlotPastScreen || greedyKept(product.category, screenGreedy.length - openOnScreen) < rules.maxPerCategory;
  const onSlate = new Set(greedy.map((pick) => pick.product.id));
  const inPool = new Set<number>();
  const allowed = (product: P) =>
    product.inStock &&
    !onSlate.has(product.id) &&
    !input.isExcluded(product.id) &&
    !inPool.has(product.id) &&
    fitsSomeSlot(product);

  // The model's half: its allowed ranked candidates, the unrated ones first, each by fewest impressions, ties by rank.
  const modelPart = input.ranked
    .filter((candidate) => allowed(candidate.product))
    .map((candidate, rank) => ({
      candidate,
      rank,
      rated: index.isUnrated(candidate.product.id) ? 0 : 1,
      shown: input.evidenceOf(candidate.product.id).impressions,
    }))
    .sort((a, b) => a.rated - b.rated || a.shown - b.shown || a.rank - b.rank)
    .slice(0, Math.ceil(config.poolSize / 2))
    .map((entry) => entry.candidate);
  for (const candidate of modelPart) inPool.add(candidate.product.id);

  const tasteCategories = new Set(input.taste.map((product) => product.category));
  const tasteMetals = new Set(input.taste.flatMap((product) => product.metal ?? []));
  const matchesTaste = (product: P) =>
    tasteCategories.has(product.category) || (product.metal !== null && tasteMetals.has(product.metal));
  const tasteKeys = [...new Set(input.taste.flatMap((product) => tasteKeysOf(product)))].sort(
    (a, b) => keyRank(a) - keyRank(b),
  );
  const take = (products: Iterable<P>, count: number): P[] => {
    const taken: P[] = [];
    for (const product of products) {
      if (taken.length >= count) break;
      if (!allowed(product)) continue;
      taken.push(product);
      inPool.add(product.id);
    }
    return taken;
  };
  const followUpCount = Math.min(config.poolSize - modelPart.length, Math.floor(config.poolSize * FOLLOW_UP_SHARE));
  const followUpPart = take(index.followUp.filter(matchesTaste), followUpCount);
  followUpPart.push(...take(index.followUp, followUpCount - followUpPart.length));
  const catalogCount = config.poolSize - modelPart.length - followUpPart.length;
  const offset =
    input.shopperId === undefined ? 0 : createHash("sha1").update(input.shopperId).digest().readUInt32BE(0);
  const profile = tasteProfileOf(input.taste);
  // Each list yields only products still allowed when asked, so every key gives one product per round.
  const walk = (lists: ReadonlyMap<string, readonly P[]>) =>
    roundRobin(tasteKeys.map((key) => only(rotated(lists.get(key) ?? [], offset), allowed)));
  const tastePart = take(
    chain(walk(index.unratedByTaste), walk(index.leastShownByTaste)),
    Math.ceil(catalogCount * TASTE_SHARE),
  );
  const generalPart = take(rotated(index.leastShown, offset), catalogCount - tastePart.length);

  const pool = [
    ...modelPart,
    ...scoreFromRanking(input.ranked, [...followUpPart, ...tastePart, ...generalPart], profile),
  ].map((candidate) => ({ item: candidate, score: candidate.score, ...input.evidenceOf(candidate.product.id) }));
  return {
    pool,
    fits: (candidate, slot, taken) => {
      if (slot >= screen) return true;
      const category = candidate.product.category;
      const takenOnScreen = taken.filter((pick) => pick.slot < screen);
      // Later slots may stay greedy (no candidate fits), so at most this pick and the earlier ones explore: the greedy
      // picks on the screen are among the first `screenLength - takenOnScreen - 1`, which is the count that must fit.
      const kept = screenGreedy.length - takenOnScreen.length - 1;
      const exploredSame = takenOnScreen.filter((pick) => pick.item.product.category === category).length;
      return greedyKept(category, kept) + exploredSame < rules.maxPerCategory;
    },
  };
}

/** Taste keys from the most to the least specific: category and metal, category, metal. */
function keyRank(key: string): number {
  if (key.startsWith("category+metal:")) return 0;
  if (key.startsWith("category:")) return 1;
  return 2;
}

/** A list walked from `offset` round its end (lazily: the pool stops early). */
function* rotated<T>(list: readonly T[], offset: number): Generator<T> {
  for (let i = 0; i < list.length; i++) {
    const item = list[(offset + i) % list.length];
    if (item !== undefined) yield item;
  }
}

/** The items of a sequence that pass `test` at the moment each is asked for. */
function* only<T>(sequence: Iterable<T>, test: (item: T) => boolean): Generator<T> {
  for (const item of sequence) if (test(item)) yield item;
}

/** The items of each sequence, one sequence after the other (lazily). */
function* chain<T>(...sequences: ReadonlyArray<Iterable<T>>): Generator<T> {
  for (const sequence of sequences) yield* sequence;
}

/** One item of each sequence in turn, until all are spent. */
function* roundRobin<T>(sequences: ReadonlyArray<Iterator<T>>): Generator<T> {
  let live = [...sequences];
  while (live.length > 0) {
    const next: Array<Iterator<T>> = [];
    for (const sequence of live) {
      const step = sequence.next();
      if (step.done) continue;
      next.push(sequence);
      yield step.value;
    }
    live = next;
  }
}

/**
 * Model scores for catalog products from the ranking already computed (no second scoring pass): a product in the
 * ranked candidates keeps its score; one outside them — the model ranks it below its whole candidate pool, or cannot
 * rate it at all (a new product) — gets a score between the ranking's lowest and its median by its attribute affinity
 * to the shopper (0: the lowest, 1: the median), so the prior's bounded tilt (priorMeans) favours the unrated products
 * that resemble what this shopper engaged with. A first visit (no taste) gives them all the lowest score.
 */
function scoreFromRanking<P extends PoolProduct>(
  ranked: readonly PoolItem<P>[],
  products: readonly P[],
  profile: TasteProfile,
): PoolItem<P>[] {
  const scoreOf = new Map(ranked.map((candidate) => [candidate.product.id, candidate.score]));
  const finite = ranked
    .map((candidate) => candidate.score)
    .filter((score) => Number.isFinite(score))
    .sort((a, b) => a - b);
  const lowest = finite[0] ?? 0;
  const median = finite[Math.floor(finite.length / 2)] ?? 0;
  return products.map((product) => ({
    product,
    score: scoreOf.get(product.id) ?? lowest + attributeAffinity(profile, product) * (median - lowest),
  }));
}

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
 * category cap (one that could not would only dilute the pool). Up to `poolSize` candidates, in two passes over the
 * same four parts (gatherParts):
 * - first only products the served model **cannot rate** from behaviour (index.isUnrated: nobody had interacted with
 *   them when it was trained — products added since, or never sold — so it ranks them by content alone, or not at
 *   all): the model's ranked ones, followed-up ones, the taste keys' unrated lists (index.unratedByTaste), the
 *   catalog's unrated list (index.unratedLeastShown). Exploration exists for them: greedy feeds never earn them the
 *   behaviour the next version would learn from. (Until thompson-beta/7 they came first only within the model and
 *   taste parts, and half the pool went to rated products nobody had shown lately.)
 * - then, only if too few unrated products are allowed, the same parts over every product.
 * The parts, in each pass over the places left:
 * 1. half: the model's ranked candidates, anywhere in its ranking (unrated first), each by fewest impressions, ties by
 *    rank;
 * 2. up to a quarter: followed-up products (index.followUp: a reward earned, evidence still thin), those matching the
 *    shopper's taste first, so a click earned is shown again until its evidence suffices;
 * 3. the rest, three quarters of it from the shopper's taste keys (the categories and metals of their recent actions
 *    and purchases), one key in turn (most specific first), each list walked from an offset fixed per shopper.
 *    (thompson-beta/3 ordered them by attribute affinity instead: three times the planning cost for no measured
 *    gain, docs/exploration.md "Cost".)
 * 4. and the general list walked from that offset (all of the rest for a first visit).
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

  const claim = (product: P) => {
    inPool.add(product.id);
  };
  const sources: PartSources<P> = {
    ranked: input.ranked,
    evidenceOf: input.evidenceOf,
    isUnrated: index.isUnrated,
    followUp: index.followUp,
    followUpMatchingTaste: index.followUp.filter(tasteMatcher(input.taste)),
    tasteKeys: tasteKeysIn(input.taste),
    offset: shopperOffset(input.shopperId),
    claim,
  };
  // First the products the served model cannot rate from behaviour, from every part; then, only if too few of them
  // are allowed, the same parts over every product.
  const unrated = gatherParts(sources, {
    allowed: (product) => index.isUnrated(product.id) && allowed(product),
    capacity: config.poolSize,
    byTaste: [index.unratedByTaste],
    general: index.unratedLeastShown,
  });
  const rest = gatherParts(sources, {
    allowed,
    capacity: config.poolSize - unrated.model.length - unrated.catalog.length,
    byTaste: [index.unratedByTaste, index.leastShownByTaste],
    general: index.leastShown,
  });
  const scoreOutside = scoreFromRanking(input.ranked, tasteProfileOf(input.taste));
  const pool = [unrated, rest]
    .flatMap((parts) => [...parts.model, ...parts.catalog.map(scoreOutside)])
    .map((candidate) => ({ item: candidate, score: candidate.score, ...input.evidenceOf(candidate.product.id) }));
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

/** What every part of the pool reads: the ranking, the evidence, the lists, the shopper's taste and walk offset. */
type PartSources<P extends PoolProduct> = {
  ranked: readonly PoolItem<P>[];
  evidenceOf: (productId: number) => ItemEvidence;
  /** Whether the served model cannot rate a product from behaviour: the model part takes those first. */
  isUnrated: (productId: number) => boolean;
  followUp: readonly P[];
  /** The follow-up products sharing a category or metal with the shopper's taste (filtered once, for both passes). */
  followUpMatchingTaste: readonly P[];
  /** The shopper's taste keys, most specific first. */
  tasteKeys: readonly string[];
  /** Where the shopper's walk through each list starts. */
  offset: number;
  /** Marks a product as taken, so no later part (or pass) takes it again. */
  claim: (product: P) => void;
};

/** One pass over the pool's parts: which products it may take, how many, and the lists its catalog parts walk. */
type PartPass<P extends PoolProduct> = {
  allowed: (product: P) => boolean;
  capacity: number;
  /** The per-taste-key lists the taste part walks, one after the other. */
  byTaste: ReadonlyArray<ReadonlyMap<string, readonly P[]>>;
  general: readonly P[];
};

/**
 * The pool's four parts over `capacity` places, taking only products `allowed` (and claiming each taken): half the
 * model's ranked candidates, unrated first, each by fewest impressions, ties by rank; up to a quarter followed-up products, those matching
 * the taste first; three quarters of the rest from the taste keys' lists, one key in turn, each walked from the
 * shopper's offset; the rest from the general list, walked from it too.
 */
function gatherParts<P extends PoolProduct>(
  sources: PartSources<P>,
  pass: PartPass<P>,
): { model: PoolItem<P>[]; catalog: P[] } {
  const { allowed } = pass;
  if (pass.capacity <= 0) return { model: [], catalog: [] };
  const model = sources.ranked
    .filter((candidate) => allowed(candidate.product))
    .map((candidate, rank) => ({
      candidate,
      rank,
      rated: sources.isUnrated(candidate.product.id) ? 0 : 1,
      shown: sources.evidenceOf(candidate.product.id).impressions,
    }))
    .sort((a, b) => a.rated - b.rated || a.shown - b.shown || a.rank - b.rank)
    .slice(0, Math.ceil(pass.capacity / 2))
    .map((entry) => entry.candidate);
  for (const candidate of model) sources.claim(candidate.product);
  const take = (products: Iterable<P>, count: number): P[] => {
    const taken: P[] = [];
    for (const product of products) {
      if (taken.length >= count) break;
      if (!allowed(product)) continue;
      taken.push(product);
      sources.claim(product);
    }
    return taken;
  };
  const followUpCount = Math.min(pass.capacity - model.length, Math.floor(pass.capacity * FOLLOW_UP_SHARE));
  const followUp = take(sources.followUpMatchingTaste, followUpCount);
  followUp.push(...take(sources.followUp, followUpCount - followUp.length));
  const catalogCount = pass.capacity - model.length - followUp.length;
  // Each list yields only products still allowed when asked, so every key gives one product per round.
  const walk = (lists: ReadonlyMap<string, readonly P[]>) =>
    roundRobin(sources.tasteKeys.map((key) => only(rotated(lists.get(key) ?? [], sources.offset), allowed)));
  const taste = take(chain(...pass.byTaste.map(walk)), Math.ceil(catalogCount * TASTE_SHARE));
  const general = take(rotated(pass.general, sources.offset), catalogCount - taste.length);
  return { model, catalog: [...followUp, ...taste, ...general] };
}

/** The shopper's taste keys (of their recent actions' and purchases' products), most specific first. */
function tasteKeysIn<P extends PoolProduct>(taste: readonly P[]): string[] {
  return [...new Set(taste.flatMap((product) => tasteKeysOf(product)))].sort((a, b) => keyRank(a) - keyRank(b));
}

/** Whether a product shares a category or a metal with the shopper's taste. */
function tasteMatcher<P extends PoolProduct>(taste: readonly P[]): (product: P) => boolean {
  const categories = new Set(taste.map((product) => product.category));
  const metals = new Set(taste.flatMap((product) => product.metal ?? []));
  return (product) => categories.has(product.category) || (product.metal !== null && metals.has(product.metal));
}

/** Where a shopper's walk through the least-shown lists starts: a hash of their id (a first visit: 0). */
function shopperOffset(shopperId: string | undefined): number {
  return shopperId === undefined ? 0 : createHash("sha1").update(shopperId).digest().readUInt32BE(0);
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
 * A scorer of catalog products from the ranking already computed (no second scoring pass; built once per request for
 * both passes of the pool): a product in the ranked candidates keeps its score; one outside them — the model ranks it
 * below its whole candidate pool, or cannot rate it at all (a new product) — gets a score between the ranking's lowest
 * and its median by its attribute affinity to the shopper (0: the lowest, 1: the median), so the prior's bounded tilt
 * (priorMeans) favours the unrated products that resemble what this shopper engaged with. A first visit (no taste)
 * gives them all the lowest score.
 */
function scoreFromRanking<P extends PoolProduct>(
  ranked: readonly PoolItem<P>[],
  profile: TasteProfile,
): (product: P) => PoolItem<P> {
  const scoreOf = new Map(ranked.map((candidate) => [candidate.product.id, candidate.score]));
  const finite = ranked
    .map((candidate) => candidate.score)
    .filter((score) => Number.isFinite(score))
    .sort((a, b) => a - b);
  const lowest = finite[0] ?? 0;
  const median = finite[Math.floor(finite.length / 2)] ?? 0;
  return (product) => ({
    product,
    score: scoreOf.get(product.id) ?? lowest + attributeAffinity(profile, product) * (median - lowest),
  });
}

/** What the exploration pool reads of a product: the shop's cached product and the simulator's item both have it. */
export type PoolProduct = {
  id: number;
  category: string;
  metal: string | null;
  gem: string | null;
  gender: string | null;
  /** Null or 0: price unknown or on request. */
  price: number | null;
  inStock: boolean;
};

/** What the logs say about one product: feed impressions and those with an attributed click, cart or purchase. */
export type ItemEvidence = { impressions: number; rewards: number };

/**
 * The evidence's lists the exploration pool draws from, built once per evidence snapshot and catalog (not per
 * request): the in-stock products in least-shown order, overall and per taste key.
 */
export type ExplorationIndex<P extends PoolProduct> = {
  /**
   * In-stock products with the fewest impressions, never-shown first, at most LEAST_SHOWN_LIMIT. Nothing that changes
   * after serving (such as the catalog's purchase counts) orders them: the off-policy replay rebuilds this index from
   * the logs and the catalog later, and must get the same pools to reproduce the logged propensities.
   */
  leastShown: readonly P[];
  /**
   * The same order, of the products the served model cannot rate (`isUnrated`), at most LEAST_SHOWN_LIMIT: the
   * catalog-wide list the pool draws unrated products from when the shopper's taste keys have too few.
   */
  unratedLeastShown: readonly P[];
  /** The same order within each taste key (tasteKeysOf), at most LEAST_SHOWN_PER_TASTE each. */
  leastShownByTaste: ReadonlyMap<string, readonly P[]>;
  /**
   * The same order within each taste key, of the products the served model cannot rate (`isUnrated`: it learned
   * nothing about them — in the shop, products added since its version was trained), at most LEAST_SHOWN_PER_TASTE
   * each. Exploration exists for them: the model never ranks them, so only exploratory impressions can earn them
   * evidence. Fixed by the model version and the catalog, so a replay rebuilds it.
   */
  unratedByTaste: ReadonlyMap<string, readonly P[]>;
  /** Whether the served model cannot rate a product from behaviour (the `isUnrated` the index was built with). */
  isUnrated: (productId: number) => boolean;
  /**
   * In-stock products whose evidence is promising but still thin: at least one reward, fewer than
   * FOLLOW_UP_IMPRESSIONS impressions, a smoothed click rate above the catalog's; best rate first, at most
   * LEAST_SHOWN_LIMIT. The pool keeps them so a click earned is followed up.
   */
  followUp: readonly P[];
};

/** How many of the least-shown in-stock products the general list keeps. */
const LEAST_SHOWN_LIMIT = 256;
/** How many the list of one taste key keeps. */
const LEAST_SHOWN_PER_TASTE = 64;
/**
 * An item is followed up until it has this many impressions: by then its evidence weighs ≥ 90 % of its posterior
 * (20 against the prior's 2 pseudo-impressions), so Thompson sampling can judge it like any other.
 */
const FOLLOW_UP_IMPRESSIONS = 20;
/** Pseudo-impressions shrinking an item's click rate toward the catalog's when ranking the follow-up list. */
const FOLLOW_UP_SHRINKAGE = 2;

/**
 * The taste keys of a product: its category and metal together, its category, its metal. A shopper's signals (their
 * products' keys) select the least-shown lists that match them.
 */
export function tasteKeysOf(product: Pick<PoolProduct, "category" | "metal">): string[] {
  const keys = [`category:${product.category}`];
  if (product.metal !== null) keys.unshift(`category+metal:${product.category}|${product.metal}`);
  if (product.metal !== null) keys.push(`metal:${product.metal}`);
  return keys;
}

/**
 * Builds the index from the catalog, the evidence and what the served model can rate: one sort of the in-stock
 * products by impressions, then a fixed pseudo-random order of the product id (so the lists are not just the oldest
 * products), then one pass that fills the general lists (all products, unrated products), each taste key's lists (the
 * same two), and the follow-up list.
 */
export function buildExplorationIndex<P extends PoolProduct>(
  products: readonly P[],
  evidenceOf: (productId: number) => ItemEvidence,
  isUnrated: (productId: number) => boolean,
): ExplorationIndex<P> {
  let shown = 0;
  let rewarded = 0;
  const inStock: Array<{ product: P; evidence: ItemEvidence; tie: number }> = [];
  for (const product of products) {
    if (!product.inStock) continue;
    const evidence = evidenceOf(product.id);
    shown += evidence.impressions;
    rewarded += evidence.rewards;
    inStock.push({ product, evidence, tie: mixId(product.id) });
  }
  inStock.sort((a, b) => a.evidence.impressions - b.evidence.impressions || a.tie - b.tie);
  const leastShown: P[] = [];
  const unratedLeastShown: P[] = [];
  const leastShownByTaste = new Map<string, P[]>();
  const unratedByTaste = new Map<string, P[]>();
  // The keys of each (category, metal) pair, built once: the catalog has few pairs and many products.
  const keysByPair = new Map<string, Map<string | null, string[]>>();
  const keysOf = (product: P) => {
    let byMetal = keysByPair.get(product.category);
    if (byMetal === undefined) {
      byMetal = new Map();
      keysByPair.set(product.category, byMetal);
    }
    let keys = byMetal.get(product.metal);
    if (keys === undefined) {
      keys = tasteKeysOf(product);
      byMetal.set(product.metal, keys);
    }
    return keys;
  };
  for (const { product } of inStock) {
    if (leastShown.length < LEAST_SHOWN_LIMIT) leastShown.push(product);
    const unrated = isUnrated(product.id);
    if (unrated && unratedLeastShown.length < LEAST_SHOWN_LIMIT) unratedLeastShown.push(product);
    for (const key of keysOf(product)) {
      addCapped(leastShownByTaste, key, product);
      if (unrated) addCapped(unratedByTaste, key, product);
    }
  }
  const catalogRate = shown > 0 ? rewarded / shown : 0;
  const smoothed = ({ impressions, rewards }: ItemEvidence) =>
    (rewards + FOLLOW_UP_SHRINKAGE * catalogRate) / (impressions + FOLLOW_UP_SHRINKAGE);
  const followUp = inStock
    .filter(
      ({ evidence }) =>
        evidence.rewards > 0 && evidence.impressions < FOLLOW_UP_IMPRESSIONS && smoothed(evidence) > catalogRate,
    )
    .map((entry) => ({ ...entry, rate: smoothed(entry.evidence) }))
    .sort((a, b) => b.rate - a.rate || a.tie - b.tie)
    .slice(0, LEAST_SHOWN_LIMIT)
    .map((entry) => entry.product);
  return { leastShown, unratedLeastShown, leastShownByTaste, unratedByTaste, isUnrated, followUp };
}

/** Appends a product to a taste key's list while it is shorter than LEAST_SHOWN_PER_TASTE. */
function addCapped<P>(lists: Map<string, P[]>, key: string, product: P): void {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [product]);
  else if (list.length < LEAST_SHOWN_PER_TASTE) list.push(product);
}

/** A fixed pseudo-random order of product ids (murmur3's finaliser). */
function mixId(id: number): number {
  let h = id >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

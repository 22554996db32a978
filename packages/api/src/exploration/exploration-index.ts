/** What the exploration pool reads of a product: the shop's cached product and the simulator's item both have it. */
export type PoolProduct = { id: number; category: string; metal: string | null; inStock: boolean };

/** What the logs say about one product: feed impressions and those with an attributed click, cart or purchase. */
export type ItemEvidence = { impressions: number; rewards: number };

/**
 * The evidence's lists the exploration pool draws from, built once per evidence snapshot and catalog (not per
 * request).
 */
export type ExplorationIndex<P extends PoolProduct> = {
  /** In-stock products with the fewest impressions, never-shown first, at most LEAST_SHOWN_LIMIT. */
  leastShown: readonly P[];
};

/** How many of the least-shown in-stock products the general list keeps. */
const LEAST_SHOWN_LIMIT = 256;

/**
 * Builds the index from the catalog and the evidence: the in-stock products sorted by impressions, ties in a fixed
 * pseudo-random order of the product id (so the list is not just the oldest products).
 */
export function buildExplorationIndex<P extends PoolProduct>(
  products: readonly P[],
  evidenceOf: (productId: number) => ItemEvidence,
): ExplorationIndex<P> {
  const leastShown = products
    .filter((product) => product.inStock)
    .map((product) => ({ product, shown: evidenceOf(product.id).impressions, tie: mixId(product.id) }))
    .sort((a, b) => a.shown - b.shown || a.tie - b.tie)
    .slice(0, LEAST_SHOWN_LIMIT)
    .map((entry) => entry.product);
  return { leastShown };
}

/** A fixed pseudo-random order of product ids (murmur3's finaliser). */
function mixId(id: number): number {
  let h = id >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

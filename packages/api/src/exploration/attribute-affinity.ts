import type { PoolProduct } from "./exploration-index";

/**
 * What a shopper's products say about their taste, by attribute: the share of their products with each category,
 * metal, gem and gender, and the middle of their prices on a log scale. Built once per request from a handful of
 * products (their purchases and recent items).
 */
export type TasteProfile = {
  size: number;
  categories: ReadonlyMap<string, number>;
  metals: ReadonlyMap<string, number>;
  gems: ReadonlyMap<string, number>;
  genders: ReadonlyMap<string, number>;
  /** The median log price of their priced products; null when none has a price. */
  logPrice: number | null;
};

/**
 * How much each attribute weighs in the affinity (they sum to 1): the category first (a shopper of rings wants a
 * ring), then the metal, the price band, the gem and the gender.
 */
const WEIGHTS = { category: 0.35, metal: 0.25, price: 0.15, gem: 0.15, gender: 0.1 } as const;
/** A price this many times the shopper's (or a fraction as large) counts half as close as the same price. */
const HALF_CLOSENESS_PRICE_RATIO = 2;

export function tasteProfileOf(taste: readonly PoolProduct[]): TasteProfile {
  const share = (values: ReadonlyArray<string | null>) => {
    const counts = new Map<string, number>();
    for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
    for (const [value, count] of counts) counts.set(value, count / taste.length);
    return counts;
  };
  const logPrices = taste
    .flatMap((product) => (product.price !== null && product.price > 0 ? [Math.log(product.price)] : []))
    .sort((a, b) => a - b);
  return {
    size: taste.length,
    categories: share(taste.map((product) => product.category)),
    metals: share(taste.map((product) => product.metal)),
    gems: share(taste.map((product) => product.gem)),
    genders: share(taste.map((product) => product.gender)),
    logPrice: logPrices.length === 0 ? null : (logPrices[Math.floor(logPrices.length / 2)] as number),
  };
}

/**
 * How close a product's attributes are to the shopper's taste, from 0 (nothing shared) to 1 (category, metal, gem
 * and gender of all their products, at their typical price): the weighted share of their products sharing each
 * attribute, and for the price exp(−|log(price / typical)| · ln 2 / ln HALF_CLOSENESS_PRICE_RATIO). An attribute the
 * product or the profile lacks contributes nothing. A first visit (no products) gives 0 for every product.
 */
export function attributeAffinity(profile: TasteProfile, product: PoolProduct): number {
  if (profile.size === 0) return 0;
  let affinity = WEIGHTS.category * (profile.categories.get(product.category) ?? 0);
  if (product.metal !== null) affinity += WEIGHTS.metal * (profile.metals.get(product.metal) ?? 0);
  if (product.gem !== null) affinity += WEIGHTS.gem * (profile.gems.get(product.gem) ?? 0);
  if (product.gender !== null) affinity += WEIGHTS.gender * (profile.genders.get(product.gender) ?? 0);
  if (profile.logPrice !== null && product.price !== null && product.price > 0) {
    const distance = Math.abs(Math.log(product.price) - profile.logPrice);
    affinity += WEIGHTS.price * Math.exp((-distance * Math.LN2) / Math.log(HALF_CLOSENESS_PRICE_RATIO));
  }
  return affinity;
}

/** A product's attributes as the catalog stores them (null = the column is empty). */
export type ProductAttributes = {
  category: string;
  metal: string | null;
  gem: string | null;
  color: string | null;
  gender: string | null;
};

/**
 * What the synthetic scale generator copies from a real shop: the joint mix of product attributes, the price
 * distribution of each category, how purchases spread over shoppers and over products. Fitted from REES46 by
 * fitShopProfile; plain JSON, so it can be recorded beside the results.
 */
export type ShopProfile = {
  /** Every distinct attribute combination with the number of products that have it. */
  attributeMix: Array<{ attributes: ProductAttributes; products: number }>;
  /** Per category: PRICE_QUANTILES evenly spaced quantiles (0, 5 %, …, 100 %) of its products' prices. */
  priceQuantiles: Record<string, number[]>;
  /** How many shoppers made 1, 2, … purchases: [purchases, shoppers] pairs, ascending. */
  purchasesPerShopper: Array<[number, number]>;
  /** Exponent s of the Zipf law count(rank) ∝ rank^-s fitted to the products' purchase counts (least squares in log-log). */
  zipfExponent: number;
  /** What it was fitted on. */
  source: { products: number; purchases: number; shoppers: number };
};

/** Quantiles stored per category: 0 %, 5 %, …, 100 %. */
export const PRICE_QUANTILES = 21;

export type ProfileProduct = ProductAttributes & { id: number; price: number };
export type ProfilePurchase = { userId: number; productId: number };

/**
 * Fits a ShopProfile to a catalog and its purchases. Throws, naming the product, on a price that is not a finite
 * number ≥ 0, and when there are no products or no purchases to fit.
 */
export function fitShopProfile(
  products: readonly ProfileProduct[],
  purchases: readonly ProfilePurchase[],
): ShopProfile {
  if (products.length === 0) throw new Error("fitShopProfile: no products to fit");
  if (purchases.length === 0) throw new Error("fitShopProfile: no purchases to fit");
  const mix = new Map<string, { attributes: ProductAttributes; products: number }>();
  const prices = new Map<string, number[]>();
  for (const product of products) {
    if (!Number.isFinite(product.price) || product.price < 0) {
      throw new Error(`fitShopProfile: product ${product.id} has price ${product.price}, not a number ≥ 0`);
    }
    const attributes: ProductAttributes = {
      category: product.category,
      metal: product.metal,
      gem: product.gem,
      color: product.color,
      gender: product.gender,
    };
    const key = JSON.stringify(attributes);
    const entry = mix.get(key) ?? { attributes, products: 0 };
    entry.products++;
    mix.set(key, entry);
    const list = prices.get(product.category) ?? [];
    list.push(product.price);
    prices.set(product.category, list);
  }
  const priceQuantiles: Record<string, number[]> = {};
  for (const [category, list] of [...prices].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => a - b);
    priceQuantiles[category] = Array.from({ length: PRICE_QUANTILES }, (_, q) =>
      quantile(list, q / (PRICE_QUANTILES - 1)),
    );
  }
  const perShopper = countBy(purchases.map((purchase) => purchase.userId));
  const perProduct = countBy(purchases.map((purchase) => purchase.productId));
  const histogram = countBy([...perShopper.values()]);
  return {
    attributeMix: [...mix.values()].sort(
      (a, b) => b.products - a.products || JSON.stringify(a.attributes).localeCompare(JSON.stringify(b.attributes)),
    ),
    priceQuantiles,
    purchasesPerShopper: [...histogram].sort(([a], [b]) => a - b),
    zipfExponent: fitZipfExponent([...perProduct.values()]),
    source: { products: products.length, purchases: purchases.length, shoppers: perShopper.size },
  };
}

/**
 * The s of count(rank) ∝ rank^-s: least squares of log(count) on log(rank) over the items bought at least once,
 * ranked by count. 0 with fewer than two items.
 */
export function fitZipfExponent(counts: readonly number[]): number {
  const sorted = counts.filter((count) => count > 0).sort((a, b) => b - a);
  if (sorted.length < 2) return 0;
  const xs = sorted.map((_, rank) => Math.log(rank + 1));
  const ys = sorted.map((count) => Math.log(count));
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i] ?? 0) - meanX;
    covariance += dx * ((ys[i] ?? 0) - meanY);
    variance += dx * dx;
  }
  return -covariance / variance;
}

/** Linear interpolation between the order statistics of an ascending list. */
function quantile(sorted: readonly number[], q: number): number {
  const position = q * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(sorted.length - 1, low + 1);
  const a = sorted[low] ?? 0;
  const b = sorted[high] ?? a;
  return a + (b - a) * (position - low);
}

function countBy<T>(values: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

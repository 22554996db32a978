import type { ServingSnapshot } from "../../model-serving/serving-snapshot";
import type { GuideConstraints } from "./guide-constraints";
import { activeFilterFields, matchesField } from "./match-constraints";

/**
 * The median catalog price (USD) of the in-stock, priced products that satisfy every filter: what "the answer's
 * prices" are when a shopper says "cheaper" without a budget. Null when nothing matches.
 */
export function typicalPrice(snapshot: ServingSnapshot, constraints: GuideConstraints): number | null {
  const fields = activeFilterFields(constraints);
  const prices: number[] = [];
  for (const product of snapshot.catalog.products) {
    if (!product.inStock || product.price <= 0) continue;
    if (fields.every((field) => matchesField(product, constraints, field))) prices.push(product.price);
  }
  if (prices.length === 0) return null;
  prices.sort((a, b) => a - b);
  const middle = Math.floor(prices.length / 2);
  return prices.length % 2 === 1 ? (prices[middle] ?? null) : ((prices[middle - 1] ?? 0) + (prices[middle] ?? 0)) / 2;
}

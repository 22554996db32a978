import type { CachedProduct } from "../../model-serving/product-catalog";
import type { FilterField, GuideConstraints } from "./guide-constraints";
import { activeFilterFields, matchesConstraints } from "./match-constraints";

export type Relaxation = { field: FilterField; count: number };

/**
 * When nothing matches: drops each set filter in turn and counts what would match then (same stock and
 * bought-item rules). Only drops that yield results are returned, most results first.
 */
export function suggestRelaxations(
  products: readonly CachedProduct[],
  constraints: GuideConstraints,
  isEligible: (product: CachedProduct) => boolean,
): Relaxation[] {
  return activeFilterFields(constraints)
    .map((field) => ({
      field,
      count: products.filter((product) => isEligible(product) && matchesConstraints(product, constraints, field))
        .length,
    }))
    .filter((relaxation) => relaxation.count > 0)
    .sort((a, b) => b.count - a.count);
}

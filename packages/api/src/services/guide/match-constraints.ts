import type { CachedProduct } from "../../model-serving/product-catalog";
import { FILTER_FIELDS, type FilterField, type GuideConstraints } from "./guide-constraints";

/** Does the product satisfy one filtering constraint (true when that constraint is not set)? Prices exactly. */
export function matchesField(product: CachedProduct, constraints: GuideConstraints, field: FilterField): boolean {
  switch (field) {
    case "category":
      return constraints.category === null || product.category === constraints.category;
    case "metal":
      return constraints.metal === null || product.metal === constraints.metal;
    case "gem":
      return constraints.gem === null || product.gem === constraints.gem;
    case "gender":
      return (
        constraints.gender === null ||
        product.gender === null ||
        product.gender === "unisex" ||
        product.gender === constraints.gender
      );
    case "price": {
      const price = constraints.price;
      if (price === null) return true;
      // "Price on request" (0) never matches a budget: its price is unknown.
      if (product.price <= 0) return false;
      if (price.minCatalog !== null && product.price < price.minCatalog) return false;
      if (price.maxCatalog !== null && product.price > price.maxCatalog) return false;
      return true;
    }
    case "excluded":
      return constraints.excluded.every((id) => !hasConcept(product, id));
  }
}

/** Whether a product has an excludable concept: its category, metal, gem or stated gender is that value. */
function hasConcept(product: CachedProduct, conceptId: string): boolean {
  const [kind, value] = conceptId.split(":");
  switch (kind) {
    case "category":
      return product.category === value;
    case "metal":
      return product.metal === value;
    case "gem":
      return product.gem === value;
    case "gender":
      return product.gender === value;
    default:
      return false;
  }
}

/** The filtering constraints that are set. */
export function activeFilterFields(constraints: GuideConstraints): FilterField[] {
  return FILTER_FIELDS.filter((field) =>
    field === "excluded" ? constraints.excluded.length > 0 : constraints[field] !== null,
  );
}

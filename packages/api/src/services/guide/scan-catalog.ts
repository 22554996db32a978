import type { CachedProduct } from "../../model-serving/product-catalog";
import type { ServingSnapshot } from "../../model-serving/serving-snapshot";
import { FILTER_FIELDS, type FilterField, type GuideConstraints } from "./guide-constraints";
import { activeFilterFields, matchesField } from "./match-constraints";

export type CatalogScan = {
  /** Eligible products satisfying every filter. */
  total: number;
  /** 1 at the model item index of each matching product: the ranking filter is one array read per item. */
  allowed: Uint8Array;
  /** Matching products the model has never seen (new to the catalog), catalog order. */
  unseen: CachedProduct[];
  /** For each set filter: how many eligible products fail that filter alone (what dropping it would add). */
  failingOnly: Map<FilterField, number>;
};

/**
 * One pass over the cached catalog for a guide request: which eligible products (in stock, not bought by the
 * shopper) satisfy every filter, laid out by model item index for ranking, and — in the same pass — how many would
 * match if one filter were dropped (the relaxations offered when nothing matches).
 */
export function scanCatalog(
  snapshot: ServingSnapshot,
  constraints: GuideConstraints,
  purchasedIds: ReadonlySet<number>,
): CatalogScan {
  const fields = activeFilterFields(constraints);
  const { products } = snapshot.catalog;
  const allowed = new Uint8Array(snapshot.productAt.length);
  const unseen: CachedProduct[] = [];
  const failing = new Int32Array(FILTER_FIELDS.length);
  let total = 0;
  for (let position = 0; position < products.length; position++) {
    const product = products[position];
    if (product === undefined || !product.inStock || purchasedIds.has(product.id)) continue;
    let failed = -1;
    let failures = 0;
    for (const field of fields) {
      if (matchesField(product, constraints, field)) continue;
      failures++;
      if (failures > 1) break;
      failed = FILTER_FIELDS.indexOf(field);
    }
    if (failures === 1) {
      failing[failed] = (failing[failed] ?? 0) + 1;
      continue;
    }
    if (failures > 1) continue;
    total++;
    const modelIndex = snapshot.modelIndexAt[position] ?? -1;
    if (modelIndex >= 0) allowed[modelIndex] = 1;
    else unseen.push(product);
  }
  const failingOnly = new Map<FilterField, number>();
  for (const field of fields) failingOnly.set(field, failing[FILTER_FIELDS.indexOf(field)] ?? 0);
  return { total, allowed, unseen, failingOnly };
}

import type { CachedProduct } from "../../model-serving/product-catalog";
import type { ServingSnapshot } from "../../model-serving/serving-snapshot";
import { cachedSimilarItems } from "../../model-serving/similar-items-cache";
import type { AnchorAction } from "./pick-reason";

export type Anchor = { product: CachedProduct; action: AnchorAction };

/**
 * For each pick, the most recent anchor (an item the shopper just viewed, saved, carted or bought) whose `neighbourhood`
 * most similar items — by the served model's own item similarity — include the pick. Picks no anchor explains are
 * absent. The popularity model has no item similarity, so it explains nothing this way.
 */
export function findSimilarAnchors(
  snapshot: ServingSnapshot,
  anchors: readonly Anchor[],
  pickSkus: readonly string[],
  neighbourhood: number,
): Map<string, Anchor> {
  const found = new Map<string, Anchor>();
  const { recommender, kind } = snapshot.model;
  if (kind === "popularity" || anchors.length === 0) return found;
  const pending = new Set(pickSkus);
  for (const anchor of anchors) {
    if (pending.size === 0) break;
    if (!recommender.items.has(anchor.product.sku)) continue;
    for (const neighbour of cachedSimilarItems(recommender, anchor.product.sku, neighbourhood)) {
      if (neighbour.score > 0 && pending.delete(neighbour.itemId)) found.set(neighbour.itemId, anchor);
    }
  }
  return found;
}

/** Distinct anchors, most recent first, from actions given oldest first. */
export function collectAnchors(
  actions: ReadonlyArray<{ productId: number; type: AnchorAction }>,
  byId: ReadonlyMap<number, CachedProduct>,
  limit: number,
): Anchor[] {
  const seen = new Set<number>();
  const anchors: Anchor[] = [];
  for (let i = actions.length - 1; i >= 0 && anchors.length < limit; i--) {
    const action = actions[i];
    if (action === undefined || seen.has(action.productId)) continue;
    seen.add(action.productId);
    const product = byId.get(action.productId);
    if (product) anchors.push({ product, action: action.type });
  }
  return anchors;
}

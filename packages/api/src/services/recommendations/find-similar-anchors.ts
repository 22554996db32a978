import type { AnchorAction } from "@jewelguide/i18n";
import type { CachedProduct } from "../../model-serving/product-catalog";
import type { ServingSnapshot } from "../../model-serving/serving-snapshot";
import { nearestNeighbours } from "../../model-serving/similar-items-cache";
import type { FeedRules } from "./feed-rules";
import type { ShopperSignals } from "./load-shopper-signals";

export type Anchor = { product: CachedProduct; action: AnchorAction };

/**
 * What explains each pick of a personalised ranking as "similar to X you …": the shopper's purchases and recent
 * actions (collectAnchors, most recent first) checked against the picks (findSimilarAnchors). Nothing for a ranking
 * that is not personalised.
 */
export function anchorsOfPicks(
  snapshot: ServingSnapshot,
  signals: ShopperSignals,
  pickSkus: readonly string[],
  personalised: boolean,
  rules: Pick<FeedRules, "anchorLimit" | "anchorNeighbourhood">,
): Map<string, Anchor> {
  if (!personalised) return new Map();
  const actions = [...signals.purchases].reverse().concat(signals.recent);
  const anchors = collectAnchors(actions, snapshot.catalog.byId, rules.anchorLimit);
  return findSimilarAnchors(snapshot, anchors, pickSkus, rules.anchorNeighbourhood);
}

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
  // The picks the model knows, by item index: the neighbour lists are item indices.
  const pending = new Map<number, string>();
  for (const sku of pickSkus) {
    const index = recommender.items.find(sku);
    if (index !== undefined) pending.set(index, sku);
  }
  for (const anchor of anchors) {
    if (pending.size === 0) break;
    if (!recommender.items.has(anchor.product.sku)) continue;
    const { indices, scores } = nearestNeighbours(recommender, anchor.product.sku, neighbourhood);
    for (let rank = 0; rank < indices.length; rank++) {
      if (!((scores[rank] as number) > 0)) continue;
      const index = indices[rank] as number;
      const sku = pending.get(index);
      if (sku === undefined) continue;
      pending.delete(index);
      found.set(sku, anchor);
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

import type { ServingSnapshot } from "../../model-serving/serving-snapshot";
import { interleaveCategories } from "./cap-per-category";
import { type Candidate, rankCandidates } from "./rank-candidates";

const orders = new WeakMap<ServingSnapshot, Map<number, readonly Candidate[]>>();

/**
 * The feed's order for a shopper the model knows nothing about (no known id, no recent items the model has, nothing
 * bought): the model's ranking of an empty profile (popular pieces) over servable items, spread across categories.
 * It is the same for every such shopper until the snapshot changes (a new model version or a catalog reload builds a
 * new snapshot), so it is computed once per snapshot and pool size instead of on every first visit. Read-only.
 */
export function coldStartOrder(snapshot: ServingSnapshot, pool: number): readonly Candidate[] {
  let bySize = orders.get(snapshot);
  if (!bySize) {
    bySize = new Map();
    orders.set(snapshot, bySize);
  }
  let order = bySize.get(pool);
  if (!order) {
    order = interleaveCategories(rankCandidates(snapshot, { recentItemIds: [] }, pool, []));
    bySize.set(pool, order);
  }
  return order;
}

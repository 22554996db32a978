import type { Recommender, UserQuery } from "@jewelguide/model";
import type { CachedProduct } from "../../model-serving/product-catalog";
import type { ShopperSignals } from "./load-shopper-signals";

/**
 * Who the model scores for: a shopper it was trained on (cookie id = User.externalId) plus their fresh items, or an
 * unseen shopper described only by their recent items (the signals' recent actions, oldest first, as catalog SKUs). `personalised` is false when the model knows
 * nothing about them (it then ranks by popularity).
 */
export function buildUserQuery(
  recommender: Recommender,
  shopperId: string | undefined,
  signals: ShopperSignals,
  byId: ReadonlyMap<number, CachedProduct>,
): { query: UserQuery; personalised: boolean } {
  const known = shopperId !== undefined && recommender.knowsUser(shopperId);
  const recentItemIds = signals.recent.flatMap((action) => {
    const sku = byId.get(action.productId)?.sku;
    return sku !== undefined && recommender.items.has(sku) ? [sku] : [];
  });
  if (known) return { query: { userId: shopperId, recentItemIds }, personalised: true };
  return { query: { recentItemIds }, personalised: recentItemIds.length > 0 };
}

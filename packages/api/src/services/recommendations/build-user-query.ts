import type { Recommender, UserQuery } from "@jewelguide/model";

/**
 * Who the model scores for: a shopper it was trained on (cookie id = User.externalId) plus their fresh items, or an
 * unseen shopper described only by their recent items (oldest first). `personalised` is false when the model knows
 * nothing about them (it then ranks by popularity).
 */
export function buildUserQuery(
  recommender: Recommender,
  shopperId: string | undefined,
  recentSkus: readonly string[],
): { query: UserQuery; personalised: boolean } {
  const known = shopperId !== undefined && recommender.knowsUser(shopperId);
  const recentItemIds = recentSkus.filter((sku) => recommender.items.has(sku));
  if (known) return { query: { userId: shopperId, recentItemIds }, personalised: true };
  return { query: { recentItemIds }, personalised: recentItemIds.length > 0 };
}

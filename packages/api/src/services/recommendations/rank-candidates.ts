import type { UserQuery } from "@jewelguide/model";
import type { CachedProduct } from "../../model-serving/product-catalog";
import type { ServingSnapshot } from "../../model-serving/serving-snapshot";

/** A ranked catalog product and the model's score for it. */
export type Candidate = { product: CachedProduct; score: number };

/** The model's top `pool` servable items for a query, as catalog products, minus `exclude` (SKUs). */
export function rankCandidates(
  snapshot: ServingSnapshot,
  query: UserQuery,
  pool: number,
  exclude: readonly string[],
): Candidate[] {
  const ranked = snapshot.model.recommender.recommend(query, {
    k: pool,
    exclude,
    excludeSeen: true,
    filter: (index) => snapshot.servable[index] === 1,
  });
  const candidates: Candidate[] = [];
  for (const pick of ranked) {
    const product = snapshot.productAt[pick.itemIndex];
    if (product) candidates.push({ product, score: pick.score });
  }
  return candidates;
}

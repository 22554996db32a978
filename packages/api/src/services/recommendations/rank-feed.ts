import type { UserQuery } from "@jewelguide/model";
import type { ServingSnapshot } from "../../model-serving/serving-snapshot";
import { buildUserQuery } from "./build-user-query";
import { capPerCategory, interleaveCategories } from "./cap-per-category";
import { coldStartOrder } from "./cold-start-order";
import type { FeedRules } from "./feed-rules";
import type { ShopperSignals } from "./load-shopper-signals";
import { type Candidate, rankCandidates } from "./rank-candidates";

export type RankedFeed = {
  query: UserQuery;
  personalised: boolean;
  /** The shopper's purchases as SKUs: the model leaves them out. */
  purchasedSkus: string[];
  /** The model's ranked candidates (in stock, none bought), the pool the greedy slate is picked from. */
  ordered: readonly Candidate[];
  /** The greedy slate: the ranking after the first screen's category cap, `k` long at most. */
  greedy: Candidate[];
};

/**
 * The model's greedy feed for a shopper's signals: a shopper it knows (or whose recent items it has) gets their
 * personal ranking; one it knows nothing about gets the popular order spread across categories; then the category cap
 * of the first screen. The feed serves this, and off-policy evaluation replays it for a candidate version.
 */
export function rankFeed(
  snapshot: ServingSnapshot,
  shopperId: string | undefined,
  signals: ShopperSignals,
  k: number,
  rules: FeedRules,
): RankedFeed {
  const byId = snapshot.catalog.byId;
  const { query, personalised } = buildUserQuery(snapshot.model.recommender, shopperId, signals, byId);
  const purchasedSkus = [...signals.purchasedIds].flatMap((id) => byId.get(id)?.sku ?? []);
  const pool = Math.max(rules.candidatePool, k);
  const ordered = personalised
    ? rankCandidates(snapshot, query, pool, purchasedSkus)
    : purchasedSkus.length === 0
      ? coldStartOrder(snapshot, pool)
      : interleaveCategories(rankCandidates(snapshot, query, pool, purchasedSkus));
  const greedy = capPerCategory(ordered, k, rules.firstScreenSize, rules.maxPerCategory);
  return { query, personalised, purchasedSkus, ordered, greedy };
}

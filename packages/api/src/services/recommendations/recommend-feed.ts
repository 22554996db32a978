import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { ServerRuntime } from "../../runtime/create-server-runtime";
import { buildUserQuery } from "./build-user-query";
import { capPerCategory, interleaveCategories } from "./cap-per-category";
import { coldStartOrder } from "./cold-start-order";
import { explainPick } from "./explain-pick";
import { DEFAULT_FEED_RULES, type FeedRules } from "./feed-rules";
import { anchorsOfPicks } from "./find-similar-anchors";
import { loadShopperSignals } from "./load-shopper-signals";
import { rankCandidates } from "./rank-candidates";
import { type RecommendedItem, type ServedBy, toRecommendedItem } from "./recommended-item";
import { type Audience, signServedItems } from "./serve-to";

/** The feed of the request's own shopper (the signed cookie says whose; there is no shopper field). */
export const RecommendFeedInputSchema = z.strictObject({
  k: z.number().int().min(1).max(48).default(12),
});
export type RecommendFeedInput = z.input<typeof RecommendFeedInputSchema>;

export type Feed = ServedBy & { personalised: boolean; items: RecommendedItem[] };

/**
 * The shopper's personalised feed from the served model. The shopper's latest events (this session) are read on every
 * request and folded into the user vector, so a view shifts the very next feed. Rules: only in-stock items, never an
 * item the shopper bought, at most `maxPerCategory` per category on the first screen; a shopper the model knows
 * nothing about gets popular picks spread across categories. Every pick carries a reason from real signals. During a
 * running A/B test the version of the shopper's arm serves (`abTests`). Each item carries its signed
 * attribution for this shopper (signServedItems).
 */
export async function recommendFeed(
  { sql, abTests }: Pick<ServerRuntime, "sql" | "abTests">,
  rawInput: RecommendFeedInput,
  audience: Audience,
  rules: FeedRules = DEFAULT_FEED_RULES,
): Promise<Feed> {
  const input = RecommendFeedInputSchema.parse(rawInput);
  const shopperId = audience.shopper?.externalId;
  const snapshot = await abTests.snapshotFor({ shopperId, abTestSalt: audience.secrets.abTestSalt });
  const { recommender } = snapshot.model;
  const signals = await loadShopperSignals(sql, shopperId, {
    windowMs: rules.recentWindowMs,
    limit: rules.recentLimit,
  });
  const byId = snapshot.catalog.byId;
  const { query, personalised } = buildUserQuery(recommender, shopperId, signals, byId);
  const purchasedSkus = [...signals.purchasedIds].flatMap((id) => byId.get(id)?.sku ?? []);
  const pool = Math.max(rules.candidatePool, input.k);
  const ordered = personalised
    ? rankCandidates(snapshot, query, pool, purchasedSkus)
    : purchasedSkus.length === 0
      ? coldStartOrder(snapshot, pool)
      : interleaveCategories(rankCandidates(snapshot, query, pool, purchasedSkus));
  const picks = capPerCategory(ordered, input.k, rules.firstScreenSize, rules.maxPerCategory);
  const anchorOf = anchorsOfPicks(
    snapshot,
    signals,
    picks.map((pick) => pick.product.sku),
    personalised,
    rules,
  );
  const historySize = signals.recent.length + signals.purchases.length;
  const requestId = randomUUID();
  const modelVersionId = snapshot.model.versionId;
  const items = picks.map((pick, slot) =>
    toRecommendedItem(
      pick.product,
      slot,
      pick.score,
      explainPick(pick.product, anchorOf.get(pick.product.sku), historySize, personalised),
    ),
  );
  return {
    requestId,
    modelVersionId,
    modelKind: snapshot.model.kind,
    source: snapshot.model.source,
    personalised,
    items: signServedItems(items, { requestId, modelVersionId, surface: "feed" }, audience),
  };
}

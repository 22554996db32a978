import { randomUUID } from "node:crypto";
import { EXPLORATION_POLICY, type SlatePick } from "@jewelguide/model/exploration";
import { z } from "zod";
import { GREEDY_POLICY } from "../../exploration/feed-exploration";
import type { ServerRuntime } from "../../runtime/create-server-runtime";
import { explainPick } from "./explain-pick";
import { exploreFeed } from "./explore-feed";
import { DEFAULT_FEED_RULES, type FeedRules } from "./feed-rules";
import { anchorsOfPicks } from "./find-similar-anchors";
import { loadShopperSignals } from "./load-shopper-signals";
import { type ImpressionSurface, logFeedImpressions } from "./log-feed-impressions";
import type { Candidate } from "./rank-candidates";
import { rankFeed } from "./rank-feed";
import { type RecommendedItem, type ServedBy, toRecommendedItem } from "./recommended-item";
import { type Audience, signServedItems } from "./serve-to";

/** The feed of the request's own shopper (the signed cookie says whose; there is no shopper field). */
export const RecommendFeedInputSchema = z.strictObject({
  k: z.number().int().min(1).max(48).default(12),
});
export type RecommendFeedInput = z.input<typeof RecommendFeedInputSchema>;

/** A feed item: whether an exploration slot chose it, and the probability with which the policy showed it there. */
export type FeedItem = RecommendedItem & { exploratory: boolean; propensity: number };

/** `policy`: the policy that filled the slots (EXPLORATION_POLICY, or GREEDY_POLICY when exploration is off). */
export type Feed = ServedBy & { personalised: boolean; policy: string; items: FeedItem[] };

/**
 * The shopper's personalised feed from the served model. The shopper's latest events (this session) are read on every
 * request and folded into the user vector, so a view shifts the very next feed. Rules: only in-stock items, never an
 * item the shopper bought, at most `maxPerCategory` per category on the first screen; a shopper the model knows
 * nothing about gets popular picks spread across categories. Every pick carries a reason from real signals. During a
 * running A/B test the version of the shopper's arm serves (`abTests`). Each item carries its signed
 * attribution for this shopper (signServedItems).
 *
 * Exploration (runtime.exploration, docs/exploration.md): when on, a few slots go to items the Thompson-sampling policy
 * picks from a pool every rule allows (exploreFeed); their reason says they are exploratory. Every served feed is
 * written to the impression log with the policy, the model version and each slot's exact propensity (greedy picks 1);
 * the policy's random draws are seeded by the request id, so a request can be replayed.
 */
export async function recommendFeed(
  { sql, abTests, exploration }: Pick<ServerRuntime, "sql" | "abTests" | "exploration">,
  rawInput: RecommendFeedInput,
  audience: Audience,
  rules: FeedRules = DEFAULT_FEED_RULES,
  surface: ImpressionSurface = "feed",
): Promise<Feed> {
  const input = RecommendFeedInputSchema.parse(rawInput);
  const servedAt = new Date();
  const shopperId = audience.shopper?.externalId;
  const snapshot = await abTests.snapshotFor({ shopperId, abTestSalt: audience.secrets.abTestSalt });
  const signals = await loadShopperSignals(sql, shopperId, {
    windowMs: rules.recentWindowMs,
    limit: rules.recentLimit,
  });
  const { personalised, ordered, greedy } = rankFeed(snapshot, shopperId, signals, input.k, rules);
  const requestId = randomUUID();
  const config = exploration.config;
  const slate: Array<SlatePick<Candidate>> = config
    ? exploreFeed({
        snapshot,
        evidence: await exploration.evidence.at(servedAt),
        config,
        rules,
        greedy,
        ranked: ordered,
        excludedIds: new Set([...signals.purchasedIds, ...signals.recent.map((action) => action.productId)]),
        shopperId,
        requestId,
      })
    : greedy.map((item, slot) => ({ item, slot, propensity: 1, exploratory: false }));
  const anchorOf = anchorsOfPicks(
    snapshot,
    signals,
    slate.filter((pick) => !pick.exploratory).map((pick) => pick.item.product.sku),
    personalised,
    rules,
  );
  const historySize = signals.recent.length + signals.purchases.length;
  const modelVersionId = snapshot.model.versionId;
  const policy = config ? EXPLORATION_POLICY : GREEDY_POLICY;
  await logFeedImpressions(
    exploration.impressions,
    { requestId, shopperId, modelVersionId, policy, surface, servedAt },
    slate.map((pick) => ({ ...pick, productId: pick.item.product.id })),
  );
  const items = slate.map(({ item, slot, propensity, exploratory }) => ({
    ...toRecommendedItem(
      item.product,
      slot,
      item.score,
      exploratory
        ? { kind: "exploring" as const }
        : explainPick(item.product, anchorOf.get(item.product.sku), historySize, personalised),
    ),
    exploratory,
    propensity,
  }));
  return {
    requestId,
    modelVersionId,
    modelKind: snapshot.model.kind,
    source: snapshot.model.source,
    personalised,
    policy,
    items: signServedItems(items, { requestId, modelVersionId, surface: "feed" }, audience),
  };
}

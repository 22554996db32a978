import type { OffPolicyTarget, SqlReader } from "@jewelguide/db";
import {
  createRng,
  type ExplorationConfig,
  explorationProbabilities,
  explorationSeed,
  type SlatePick,
} from "@jewelguide/model/exploration";
import type { EvidenceSnapshot } from "../../exploration/exploration-evidence";
import type { ServingSnapshot } from "../../model-serving/serving-snapshot";
import { planExploration } from "../recommendations/explore-feed";
import type { FeedRules } from "../recommendations/feed-rules";
import { loadShopperSignals } from "../recommendations/load-shopper-signals";
import type { Candidate } from "../recommendations/rank-candidates";
import { rankFeed } from "../recommendations/rank-feed";

/** One logged feed request as the replay needs it. */
export type LoggedRequest = {
  requestId: string;
  shopperId: string | null;
  servedAt: Date;
  /** How many items the served feed had. */
  slateSize: number;
  /** Its exploratory picks, by slot ascending. */
  exploratory: ReadonlyArray<{ slot: number; productId: number }>;
};

/** Per logged exploratory slot, the candidate policy's probability of each product there (productId → p, Σ = 1). */
export type ReplayedSlots = Map<number, Map<number, number>>;

export type ReplayContext = {
  sql: SqlReader;
  /** The candidate version's model over the catalog. */
  snapshot: ServingSnapshot;
  target: OffPolicyTarget;
  config: ExplorationConfig;
  rules: FeedRules;
  /** The exploration evidence as it stood when the request was served. */
  evidence: EvidenceSnapshot;
};

/**
 * What the candidate policy would have done in each exploratory slot of a logged request: the candidate version ranks
 * for the shopper from their events before servedAt (rankFeed, as the feed does). `greedy`: the version alone shows
 * its greedy slate, so slot s holds its s-th pick with probability 1. `exploring`: the version behind the same
 * exploration layer as serving — its pool and category rule (planExploration), its Thompson-sampling distribution p
 * seeded by the request id — and, the slate taken slot by slot, the probability of product j in slot s is
 * p_j / Σ p over the candidates still eligible given the logged picks of the earlier exploration slots (the
 * conditional probability the server logs too). A slot no candidate can fill stays greedy, as in serving.
 */
export async function replayCandidateSlots(context: ReplayContext, request: LoggedRequest): Promise<ReplayedSlots> {
  const { snapshot, rules, config } = context;
  const shopperId = request.shopperId ?? undefined;
  const signals = await loadShopperSignals(context.sql, shopperId, {
    windowMs: rules.recentWindowMs,
    limit: rules.recentLimit,
    now: request.servedAt.getTime(),
    before: request.servedAt,
  });
  const ranked = rankFeed(snapshot, shopperId, signals, request.slateSize, rules);
  const replayed: ReplayedSlots = new Map();
  if (context.target === "greedy") {
    for (const { slot } of request.exploratory) replayed.set(slot, certain(ranked.greedy[slot]));
    return replayed;
  }
  const { pool, fits } = planExploration({
    snapshot,
    evidence: context.evidence,
    config,
    rules,
    greedy: ranked.greedy,
    ranked: ranked.ordered,
    excludedIds: new Set([...signals.purchasedIds, ...signals.recent.map((action) => action.productId)]),
    shopperId,
    requestId: request.requestId,
  });
  const probabilities = explorationProbabilities(pool, config, createRng(explorationSeed(request.requestId)));
  const taken: Array<SlatePick<Candidate>> = [];
  for (const { slot, productId } of request.exploratory) {
    const takenIds = new Set(taken.map((pick) => pick.item.product.id));
    const eligible: Array<{ productId: number; p: number }> = [];
    let total = 0;
    pool.forEach((candidate, j) => {
      if (takenIds.has(candidate.item.product.id) || !fits(candidate.item, slot, taken)) return;
      const p = probabilities[j] ?? 0;
      eligible.push({ productId: candidate.item.product.id, p });
      total += p;
    });
    if (slot >= ranked.greedy.length) replayed.set(slot, new Map());
    else if (total > 0) replayed.set(slot, new Map(eligible.map((entry) => [entry.productId, entry.p / total])));
    else replayed.set(slot, certain(ranked.greedy[slot - taken.length]));
    const logged = snapshot.catalog.byId.get(productId);
    if (logged) taken.push({ item: { product: logged, score: 0 }, slot, propensity: 1, exploratory: true });
  }
  return replayed;
}

function certain(pick: Candidate | undefined): Map<number, number> {
  return pick ? new Map([[pick.product.id, 1]]) : new Map();
}

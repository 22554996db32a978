import { createHash } from "node:crypto";
import type { PoolCandidate, RankedCandidate, VisitContext } from "./feed-policy";

/**
 * A visit's exploration candidates by the feed's own pool rule (planExploration in
 * packages/api/src/services/recommendations/explore-feed.ts, which reads a live serving snapshot, so the simulator
 * applies the same rule to its in-memory model): only items every rule allows —
 * not bought, not in the shopper's history, not on the greedy slate — half of them the model's ranked candidates with
 * the fewest impressions (ties by rank), the other half walked from the day's least-shown list
 * (VisitContext.leastShown) starting at an offset fixed per shopper (their id's SHA-1). Each keeps the model's score
 * for this shopper and the evidence of the start of the day.
 */
export function buildExplorationPool(
  context: VisitContext,
  greedy: readonly RankedCandidate[],
  poolSize: number,
): PoolCandidate[] {
  const onSlate = new Set(greedy.map((candidate) => candidate.itemIndex));
  const allowed = (itemIndex: number) => !onSlate.has(itemIndex) && !context.isExcluded(itemIndex);
  const { impressions, rewards } = context.evidence;
  const modelPart = context.ranked
    .filter((candidate) => allowed(candidate.itemIndex))
    .map((candidate, rank) => ({ candidate, rank, shown: impressions[candidate.itemIndex] as number }))
    .sort((a, b) => a.shown - b.shown || a.rank - b.rank)
    .slice(0, Math.ceil(poolSize / 2))
    .map((entry) => entry.candidate);
  const inPool = new Set(modelPart.map((candidate) => candidate.itemIndex));
  const leastShown = context.leastShown();
  const offset = createHash("sha1").update(context.userId).digest().readUInt32BE(0);
  const scores = context.scores();
  const catalogPart: RankedCandidate[] = [];
  for (let i = 0; i < leastShown.length && modelPart.length + catalogPart.length < poolSize; i++) {
    const itemIndex = leastShown[(offset + i) % leastShown.length] as number;
    if (!allowed(itemIndex) || inPool.has(itemIndex)) continue;
    catalogPart.push({
      itemIndex,
      score: scores[itemIndex] as number,
      product: context.catalogAt[itemIndex] as RankedCandidate["product"],
    });
  }
  return [...modelPart, ...catalogPart].map((item) => ({
    item,
    score: item.score,
    impressions: impressions[item.itemIndex] as number,
    rewards: rewards[item.itemIndex] as number,
  }));
}

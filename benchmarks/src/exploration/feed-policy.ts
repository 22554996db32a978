import type { CatalogItem, Recommender, Rng } from "@jewelguide/model";
import type { ExplorationCandidate } from "@jewelguide/model/exploration";

/** The stored evidence an exploring feed reads: impressions and rewarded impressions per model item index. */
export type ItemEvidence = { impressions: Float64Array; rewards: Float64Array };

/** A ranked candidate as the feed's rules see it (the api's `Categorised` shape plus the model's index and score). */
export type RankedCandidate = { itemIndex: number; score: number; product: CatalogItem };

/** Everything a feed policy may read on one simulated visit (what the server has when a feed is requested). */
export type VisitContext = {
  day: number;
  shopperIndex: number;
  userId: string;
  /** The model's candidates for this shopper in the feed's order (top `candidatePool`, bought and seen items excluded). */
  ranked: readonly RankedCandidate[];
  /** Whether an item may not be shown to this shopper: bought, or already in their history (the feed's excludeSeen). */
  isExcluded: (itemIndex: number) => boolean;
  /** The model's full score vector for this shopper (computed once per visit, on demand). */
  scores: () => Float32Array;
  /** The day's least-shown catalog items, never-shown first (the pool's catalog part walks them). */
  leastShown: () => Int32Array;
  /** Evidence as of the start of the day: the posteriors update between days, never within one. */
  evidence: ItemEvidence;
  model: Recommender;
  catalogAt: readonly CatalogItem[];
  /** The policy's own seeded stream for this visit (the server seeds one per request). */
  rng: Rng;
};

/** One served position: the item, its slot, the probability the policy put it there, whether it was exploratory. */
export type ServedPick = { itemIndex: number; slot: number; propensity: number; exploratory: boolean };

/** An exploration candidate of one visit: the item and what the bandit read about it. */
export type PoolCandidate = ExplorationCandidate & { item: RankedCandidate };

/** What an exploring slate decided from, so the off-policy validation can ask another policy about the same decision. */
export type ExplorationDecision = {
  pool: readonly PoolCandidate[];
  /** The category rule the exploratory picks had to pass (composeExploringSlate's `fits`). */
  fits: (item: RankedCandidate, slot: number, taken: ReadonlyArray<{ item: RankedCandidate; slot: number }>) => boolean;
};

export type ServedSlate = { picks: ServedPick[]; exploration?: ExplorationDecision };

/** A feed policy: the slate a shopper is served on a visit. */
export type FeedPolicy = { name: string; serve: (context: VisitContext) => ServedSlate };

import type { ExplorationIndex, PoolItem, PoolPlan, PoolProduct } from "@jewelguide/api/exploration-pool";
import type { CatalogItem, Recommender, Rng } from "@jewelguide/model";

/** The stored evidence an exploring feed reads: impressions and rewarded impressions per model item index. */
export type ItemEvidence = { impressions: Float64Array; rewards: Float64Array };

/** A catalog item as the feed's rules and exploration pool read it; its id is the model's item index. */
export type SimulatedProduct = PoolProduct;

/** A ranked candidate as the feed's rules see it: the product and the model's score for the shopper. */
export type RankedCandidate = PoolItem<SimulatedProduct>;

/** Everything a feed policy may read on one simulated visit (what the server has when a feed is requested). */
export type VisitContext = {
  day: number;
  shopperIndex: number;
  userId: string;
  /** The model's candidates for this shopper in the feed's order (top `candidatePool`, bought and seen items excluded). */
  ranked: readonly RankedCandidate[];
  /** Whether an item may not be shown to this shopper: bought, or already in their history (the feed's excludeSeen). */
  isExcluded: (itemIndex: number) => boolean;
  /** The products of the shopper's purchases (before and during the simulation) and recent items: their taste. */
  taste: readonly SimulatedProduct[];
  /** The day's exploration index (the feed's buildExplorationIndex over the catalog and the day's evidence). */
  index: () => ExplorationIndex<SimulatedProduct>;
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
export type PoolCandidate = PoolPlan<SimulatedProduct>["pool"][number];

/**
 * What an exploring slate decided from — the feed's pool and the category rule the exploratory picks had to pass
 * (composeExploringSlate's `fits`) — so the off-policy validation can ask another policy about the same decision.
 */
export type ExplorationDecision = { pool: readonly PoolCandidate[]; fits: PoolPlan<SimulatedProduct>["fits"] };

export type ServedSlate = { picks: ServedPick[]; exploration?: ExplorationDecision };

/** A feed policy: the slate a shopper is served on a visit. */
export type FeedPolicy = { name: string; serve: (context: VisitContext) => ServedSlate };

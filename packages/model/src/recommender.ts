import type { IdMap } from "./data/id-map";
import type { InteractionDataset } from "./data/interaction-dataset";

/**
 * The contract every recommender implements (baselines and the joint model alike), after benfred/implicit:
 * fit on a dataset, score / recommend for a user, similar items, serialise to bytes.
 */

/**
 * Who to recommend for: a user id known at fit time, or a shopper the model has not seen, described by the items they
 * just interacted with (real-time folding), oldest first. `{ userId, recentItemIds }` adds fresh items to a known user's history.
 * Recent item ids the model does not know are ignored (new catalog items); with nothing known the model falls back to
 * popularity.
 */
export type UserQuery = string | { userId?: string; recentItemIds: readonly string[] };

export type RecommendOptions = {
  /** How many items to return (default 10). */
  k?: number;
  /** Item ids never to return. Ids the model does not know are ignored. */
  exclude?: readonly string[];
  /** Drop items already in the user's history (training items + recent items). Default true. */
  excludeSeen?: boolean;
  /** Keep only item indices for which this returns true (e.g. in stock, matching the request). */
  filter?: (itemIndex: number) => boolean;
  /** Keep only these item ids (an allow-list). Ids the model does not know are ignored. */
  allowItemIds?: readonly string[];
};

export type SimilarItemsOptions = Pick<RecommendOptions, "exclude" | "filter" | "allowItemIds">;

export type Recommendation = { itemId: string; itemIndex: number; score: number };

export type FitProgress = {
  stage: string;
  /** 0..1 */
  fraction: number;
  epoch?: number;
  loss?: number;
  validation?: number;
};

export type FitOptions = {
  /** Seed for every random choice made while fitting (default 42). */
  seed?: number;
  onProgress?: (progress: FitProgress) => void;
  /**
   * Validation score of the model as fitted so far (higher is better). Iterative models call it between epochs for
   * early stopping and keep the best epoch's parameters.
   */
  validate?: (model: Recommender) => number;
};

export type FitReport = {
  seconds: number;
  epochs?: number;
  bestEpoch?: number;
  bestValidation?: number;
};

export type Recommender = {
  readonly kind: string;
  readonly config: unknown;
  readonly isFitted: boolean;
  /**
   * Whether the model can rank an item that had no training interaction (a new catalog item) from what it knows of
   * the item itself, its content. False for models that know an item only through the shoppers who bought it.
   */
  readonly scoresUnseenItems: boolean;
  /** The item universe of the fitted model (throws before fit). Score arrays are indexed by it. */
  readonly items: IdMap;
  fit(dataset: InteractionDataset, options?: FitOptions): Promise<FitReport>;
  knowsUser(userId: string): boolean;
  /**
   * Whether any training interaction involved the item at this index: false for an item of the universe nobody
   * interacted with before the fit (the model rates it from its content at best, or not at all). Exploration puts such
   * items first, since only exploratory impressions earn them the evidence behaviour would.
   */
  learnedFromBehaviour(itemIndex: number): boolean;
  /** A score for every item index (higher is better); no exclusions applied. */
  scoreUser(user: UserQuery): Float32Array;
  recommend(user: UserQuery, options?: RecommendOptions): Recommendation[];
  /** Items most similar to the given one (never the item itself). */
  similarItems(itemId: string, k?: number, options?: SimilarItemsOptions): Recommendation[];
  serialize(): Uint8Array;
  /**
   * Called once when a fitted model is loaded to serve requests: a model may move its scoring to a faster engine (the
   * joint model puts its item matrix on TF.js). Scores stay the same. Optional work; a no-op for most models.
   */
  prepareForServing(): Promise<void>;
  /** Frees what prepareForServing acquired outside the JS heap; the model keeps working (on its plain JS path). */
  releaseServing(): void;
};

import { assertCsrShape, type CsrMatrix, getCsrRow } from "../data/csr-matrix";
import { IdMap } from "../data/id-map";
import type { InteractionDataset } from "../data/interaction-dataset";
import { assertLength } from "../linalg/assert-shape";
import { selectTopK } from "../ranking/select-top-k";
import type {
  FitOptions,
  FitReport,
  Recommendation,
  Recommender,
  RecommendOptions,
  SimilarItemsOptions,
  UserQuery,
} from "../recommender";
import {
  type ArtifactArray,
  encodeModelArtifact,
  type ModelArtifact,
  readArtifactArray,
} from "../serialization/model-artifact";

/**
 * A user's known items with their weights, sorted by item index. `recent` lists the item indices the caller passed as
 * fresh activity (`recentItemIds`), most recent first, for models that weigh recency; empty when none.
 */
export type UserProfile = { indices: Int32Array; values: Float32Array; recent?: Int32Array };

/** What every fitted model keeps: id maps, each user's training items (for history and exclusion), popularity. */
export type FittedState = {
  items: IdMap;
  users: IdMap;
  userItems: CsrMatrix;
  /** Distinct users per item, the cold-start fallback. */
  popularity: Float32Array;
};

export type ModelState = { meta: Record<string, unknown>; arrays: Record<string, ArtifactArray> };

const FORMAT_VERSION = 1;

/**
 * Shared machinery behind the Recommender contract. A model supplies only its maths: fitting, scoring a user profile,
 * scoring items similar to one item, and its own state for serialisation.
 */
export abstract class BaseRecommender<Config> implements Recommender {
  abstract readonly kind: string;
  #state: FittedState | undefined;

  constructor(readonly config: Config) {}

  /** Fits the model's own parameters; the shared state is already set. */
  protected abstract fitModel(
    dataset: InteractionDataset,
    state: FittedState,
    options: FitOptions,
  ): Promise<Omit<FitReport, "seconds">>;
  /** Fills `out` (one slot per item) with scores for a profile; `userIndex` is set for users known at fit time. */
  protected abstract scoreProfile(profile: UserProfile, userIndex: number | undefined, out: Float32Array): void;
  /** Fills `out` with similarity of every item to `itemIndex`. */
  protected abstract scoreSimilar(itemIndex: number, out: Float32Array): void;
  protected abstract exportModel(): ModelState;
  protected abstract importModel(artifact: ModelArtifact, state: FittedState): void;

  /** Scores for a shopper the model knows nothing about; default: popularity (distinct users per item). */
  protected scoreFallback(out: Float32Array): void {
    out.set(this.requireState().popularity);
  }

  /** Collaborative models know an item only through its buyers; content-using models override this. */
  get scoresUnseenItems(): boolean {
    return false;
  }

  get isFitted(): boolean {
    return this.#state !== undefined;
  }

  get items(): IdMap {
    return this.requireState().items;
  }

  protected get state(): FittedState {
    return this.requireState();
  }

  async fit(dataset: InteractionDataset, options: FitOptions = {}): Promise<FitReport> {
    const started = performance.now();
    const state = createFittedState(dataset);
    this.#state = state;
    const report = await this.fitModel(dataset, state, options);
    return { ...report, seconds: (performance.now() - started) / 1000 };
  }

  knowsUser(userId: string): boolean {
    return this.requireState().users.has(userId);
  }

  learnedFromBehaviour(itemIndex: number): boolean {
    return (this.requireState().popularity[itemIndex] ?? 0) > 0;
  }

  scoreUser(user: UserQuery): Float32Array {
    const { profile, userIndex } = this.resolveUser(user);
    return this.scoreResolved(profile, userIndex);
  }

  recommend(user: UserQuery, options: RecommendOptions = {}): Recommendation[] {
    const { profile, userIndex } = this.resolveUser(user);
    const scores = this.scoreResolved(profile, userIndex);
    const blocked = this.buildBlockedMask(options);
    if (options.excludeSeen ?? true) for (const index of profile.indices) blocked[index] = 1;
    return this.rank(scores, options.k ?? 10, blocked, options);
  }

  similarItems(itemId: string, k = 10, options: SimilarItemsOptions = {}): Recommendation[] {
    const state = this.requireState();
    const itemIndex = state.items.indexOf(itemId);
    const scores = new Float32Array(state.items.size);
    this.scoreSimilar(itemIndex, scores);
    const blocked = this.buildBlockedMask(options);
    blocked[itemIndex] = 1;
    return this.rank(scores, k, blocked, options);
  }

  async prepareForServing(): Promise<void> {}

  releaseServing(): void {}

  serialize(): Uint8Array {
    const state = this.requireState();
    const model = this.exportModel();
    return encodeModelArtifact({
      kind: this.kind,
      formatVersion: FORMAT_VERSION,
      config: this.config,
      meta: { ...model.meta, itemIds: state.items.ids(), userIds: state.users.ids() },
      arrays: {
        ...model.arrays,
        userItemsIndptr: state.userItems.indptr,
        userItemsIndices: state.userItems.indices,
        userItemsData: state.userItems.data,
        popularity: state.popularity,
      },
    });
  }

  /** Restores a fitted model from a decoded artifact (used by the registry's deserialize). */
  loadArtifact(artifact: ModelArtifact): void {
    if (artifact.kind !== this.kind) {
      throw new Error(`Artifact is a '${artifact.kind}' model, not '${this.kind}'.`);
    }
    if (artifact.formatVersion !== FORMAT_VERSION) {
      throw new Error(`Unsupported model artifact version ${artifact.formatVersion} (expected ${FORMAT_VERSION}).`);
    }
    const itemIds = artifact.meta.itemIds;
    const userIds = artifact.meta.userIds;
    if (!isStringArray(itemIds) || !isStringArray(userIds)) {
      throw new Error(`Model artifact of kind '${artifact.kind}' lacks its item or user ids.`);
    }
    const items = new IdMap("item", itemIds);
    const users = new IdMap("user", userIds);
    const state: FittedState = {
      items,
      users,
      userItems: {
        rows: users.size,
        cols: items.size,
        indptr: readArtifactArray(artifact, "userItemsIndptr", Int32Array),
        indices: readArtifactArray(artifact, "userItemsIndices", Int32Array),
        data: readArtifactArray(artifact, "userItemsData", Float32Array),
      },
      popularity: readArtifactArray(artifact, "popularity", Float32Array),
    };
    assertCsrShape("stored user items", state.userItems);
    assertLength("stored popularity", state.popularity, items.size);
    this.importModel(artifact, state);
    this.#state = state;
  }

  private requireState(): FittedState {
    if (this.#state === undefined)
      throw new Error(`The ${this.kind} model is not fitted: call fit() or deserialize().`);
    return this.#state;
  }

  private scoreResolved(profile: UserProfile, userIndex: number | undefined): Float32Array {
    const state = this.requireState();
    const scores = new Float32Array(state.items.size);
    // Nothing known about the shopper: fall back to popularity.
    if (profile.indices.length === 0) this.scoreFallback(scores);
    else this.scoreProfile(profile, userIndex, scores);
    return scores;
  }

  private resolveUser(user: UserQuery): { profile: UserProfile; userIndex: number | undefined } {
    const state = this.requireState();
    const userId = typeof user === "string" ? user : user.userId;
    const recent = typeof user === "string" ? [] : user.recentItemIds;
    const userIndex = userId === undefined ? undefined : state.users.indexOf(userId);
    const known = userIndex === undefined ? undefined : getCsrRow(state.userItems, userIndex);
    if (recent.length === 0 && known !== undefined) return { profile: known, userIndex };
    const merged = new Map<number, number>();
    if (known !== undefined) {
      known.indices.forEach((index, i) => {
        merged.set(index, known.values[i] as number);
      });
    }
    for (const itemId of recent) {
      const index = state.items.find(itemId);
      if (index !== undefined) merged.set(index, (merged.get(index) ?? 0) + 1);
    }
    const indices = Int32Array.from([...merged.keys()].sort((a, b) => a - b));
    const values = Float32Array.from(indices, (index) => merged.get(index) ?? 0);
    const recentIndices = recent.flatMap((itemId) => {
      const index = state.items.find(itemId);
      return index === undefined ? [] : [index];
    });
    // recentItemIds run oldest → newest; models read them newest first.
    const recentOrder = Int32Array.from([...new Set(recentIndices.reverse())]);
    return { profile: { indices, values, recent: recentOrder }, userIndex };
  }

  private buildBlockedMask(options: SimilarItemsOptions): Uint8Array {
    const state = this.requireState();
    const blocked = new Uint8Array(state.items.size);
    for (const itemId of options.exclude ?? []) {
      const index = state.items.find(itemId);
      if (index !== undefined) blocked[index] = 1;
    }
    if (options.allowItemIds !== undefined) {
      const allowed = new Uint8Array(state.items.size);
      for (const itemId of options.allowItemIds) {
        const index = state.items.find(itemId);
        if (index !== undefined) allowed[index] = 1;
      }
      for (let i = 0; i < blocked.length; i++) if (allowed[i] === 0) blocked[i] = 1;
    }
    return blocked;
  }

  private rank(scores: Float32Array, k: number, blocked: Uint8Array, options: SimilarItemsOptions): Recommendation[] {
    const { filter } = options;
    const accept =
      filter === undefined
        ? (index: number) => blocked[index] === 0
        : (index: number) => blocked[index] === 0 && filter(index);
    const items = this.requireState().items;
    return Array.from(selectTopK(scores, k, accept), (itemIndex) => ({
      itemId: items.idAt(itemIndex),
      itemIndex,
      score: scores[itemIndex] as number,
    }));
  }
}

export function createFittedState(dataset: InteractionDataset): FittedState {
  const popularity = new Float32Array(dataset.items.size);
  assertCsrShape("interactions", dataset.matrix);
  for (const index of dataset.matrix.indices) popularity[index] = (popularity[index] as number) + 1;
  return {
    items: new IdMap("item", dataset.items.ids()),
    users: new IdMap("user", dataset.users.ids()),
    userItems: dataset.matrix,
    popularity,
  };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

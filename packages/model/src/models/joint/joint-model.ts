import type { InteractionDataset } from "../../data/interaction-dataset";
import { CATEGORIES, METALS } from "../../domain/vocabulary";
import { assertIndices, assertLength } from "../../linalg/assert-shape";
import { createJsDenseScorer, createTensorDenseScorer, type DenseScorer } from "../../linalg/dense-scorer";
import { multiplyTransposedJs } from "../../linalg/multiply-transposed";
import { createTfjsMultiplyTransposed } from "../../linalg/tfjs-multiply-transposed";
import { createRng, type Rng } from "../../random/create-rng";
import type { FitOptions, FitProgress, FitReport } from "../../recommender";
import { type ModelArtifact, readArtifactArray } from "../../serialization/model-artifact";
import { runEpochs } from "../../training/run-epochs";
import { BaseRecommender, type FittedState, type ModelState, type UserProfile } from "../base-recommender";
import { defineModel } from "../define-model";
import { type DenseItemContent, normalizeDenseContent } from "./dense-content";
import { buildFeatureTable, type FeatureTable } from "./feature-table";
import { describeItemContent } from "./item-content";
import {
  addColdNeighbourScores,
  addItemItemScores,
  assertColdNeighbours,
  assertItemItemTerm,
  emptyItemItemTerm,
  fitItemItemTerm,
  type ItemItemTerm,
  type ItemItemTermFitter,
} from "./item-item-term";
import { type JointConfig, JointConfigSchema } from "./joint-config";
import {
  type ColdNeighbours,
  type ItemLabels,
  type JointExample,
  JointNetwork,
  noColdNeighbours,
  PRICE_BANDS,
} from "./joint-network";
import { trainJointStep } from "./train-joint-step";
import {
  basketsOnePerItem,
  buildUserHistories,
  emptyUserHistories,
  exampleHistoryEntries,
  historyWeights,
  type UserHistories,
} from "./user-histories";

export type { DenseItemContent } from "./dense-content";

/**
 * The joint model: a user tower (id embedding + profile attributes + a recency-weighted aggregate of the user's
 * behaviour) and an item tower (id embedding + attribute and text/image content), trained end to end with one
 * objective L_interaction + a·L_item + b·L_user. See docs/model.md.
 */
export class JointRecommender extends BaseRecommender<JointConfig> {
  readonly kind = "joint";
  #dense: DenseItemContent | undefined;
  #network: JointNetwork | undefined;
  #histories: UserHistories = emptyUserHistories();
  #itemVectors: Float32Array = new Float32Array(0);
  #itemBias: Float32Array = new Float32Array(0);
  #itemInputs: Float32Array = new Float32Array(0);
  #userIds: Float32Array = new Float32Array(0);
  #profileVectors: Float32Array = new Float32Array(0);
  #userFeatures: FeatureTable | undefined;
  #norms: Float32Array = new Float32Array(0);
  #scorer: DenseScorer = createJsDenseScorer(new Float32Array(0), new Float32Array(0));
  #itemItem: ItemItemTerm = emptyItemItemTerm(0);
  /** Fits the item–item term in place of `fitItemItemTerm` after the epochs (set by withItemItemTerm[Fitter]). */
  #itemItemFitter: ItemItemTermFitter | undefined;
  #coldNeighbours: ColdNeighbours = noColdNeighbours(0);

  /**
   * Attach dense per-item content (e.g. text or image embeddings, items × dims in the order of the dataset passed to
   * `fit`). The item tower then adds a learned projection Tᵀ·c_i of it (docs/model.md); the fitted item vectors
   * include it, so serving needs neither the vectors nor T.
   */
  withDenseContent(content: DenseItemContent): this {
    this.#dense = content;
    return this;
  }

  protected async fitModel(
    dataset: InteractionDataset,
    state: FittedState,
    options: FitOptions,
  ): Promise<Omit<FitReport, "seconds">> {
    const config = this.config;
    const rng = createRng(options.seed ?? 42);
    const items = state.items.size;
    const users = state.users.size;
    const histories = buildUserHistories(dataset);
    this.#histories = histories;
    const trainedItems = new Uint8Array(items);
    for (const item of dataset.matrix.indices) trainedItems[item] = 1;
    const itemFeatures = buildFeatureTable(
      Array.from({ length: items }, (_, i) => describeItemContent(dataset.catalog[i]).tokens),
    );
    const userFeatures = buildFeatureTable(
      Array.from({ length: users }, (_, u) => describeUserTokens(dataset.userAttributes[u])),
    );
    this.#userFeatures = userFeatures;
    const dense = this.#dense;
    const denseInputs = dense === undefined ? new Float32Array(0) : normalizeDenseContent(dense, items);
    const multiply = config.denseBackend === "tfjs" ? await createTfjsMultiplyTransposed() : multiplyTransposedJs;
    const network = new JointNetwork(
      {
        items,
        users,
        itemFeatures,
        userFeatures,
        dense: denseInputs,
        denseDims: dense?.dims ?? 0,
        trainedItems,
      },
      config,
      rng,
      multiply,
    );
    this.#network = network;
    const labels = buildItemLabels(dataset, items);
    const examples = createExampleReader(histories, dataset, config);
    const sampler = createNegativeSampler(state.popularity, config.negativeSamplingPower);
    if (examples.count === 0) {
      this.refreshCache();
      return { epochs: 0 };
    }
    const order = Int32Array.from({ length: examples.count }, (_, p) => p);
    // The bound on the work per epoch: a fresh seeded uniform sample of the examples each epoch (the shuffled order's
    // head), whose weights still scale their losses, so the expected gradient is the full epoch's.
    const perEpoch = Math.min(order.length, config.maxExamplesPerEpoch);
    const { validate } = options;
    const itemItem = this.startItemItemFit(dataset, config, options.onProgress);
    const result = await runEpochs({
      epochs: config.epochs,
      patience: config.patience,
      runEpoch: () => {
        shuffle(order, rng);
        let loss = 0;
        let batches = 0;
        for (let start = 0; start < perEpoch; start += config.batchSize) {
          const batch: JointExample[] = [];
          for (let k = start; k < Math.min(perEpoch, start + config.batchSize); k++) {
            batch.push(examples.read(order[k] as number));
          }
          const negatives = sampler.sample(config.negatives, rng);
          const losses = trainJointStep(network, batch, negatives, sampler.logQ, labels, rng);
          loss += losses.interaction + config.itemLossWeight * losses.item + config.userLossWeight * losses.user;
          batches++;
        }
        // The serving matrices cost O(unsold × sold items) (the cold-id imputation): recomputed after an epoch only
        // when a validation is to score them, else once at the end.
        if (validate !== undefined) this.refreshCache();
        return loss / Math.max(1, batches);
      },
      validate: validate === undefined ? undefined : () => validate(this),
      snapshot: () => this.exportModel(),
      restore: (snapshot) => this.restoreCache(snapshot),
      onProgress: options.onProgress,
    });
    if (validate === undefined) this.refreshCache();
    this.#itemItem = await itemItem.finish();
    assertItemItemTerm(this.#itemItem, items);
    return result;
  }

  /**
   * The item–item term for this fit: an injected fitter started now (it overlaps the epochs; its progress is shown once
   * they are done, so the two do not interleave), or — by default — fitted in this thread when `finish` is called after
   * the epochs.
   */
  private startItemItemFit(
    dataset: InteractionDataset,
    config: JointConfig,
    onProgress: FitOptions["onProgress"],
  ): { finish(): Promise<ItemItemTerm> } {
    const fitter = this.#itemItemFitter;
    if (fitter === undefined) return { finish: () => fitItemItemTerm(dataset, config, onProgress) };
    let epochsDone = false;
    let pending: FitProgress | undefined;
    const running = fitter(dataset, config, (progress) => {
      if (epochsDone) onProgress?.(progress);
      else pending = progress;
    });
    // Settled here so that a failure while the epochs run is not an unhandled rejection; `finish` rethrows it.
    const settled = running.then(
      (term) => ({ term }),
      (error: unknown) => ({ error }),
    );
    return {
      async finish() {
        epochsDone = true;
        if (pending !== undefined) onProgress?.(pending);
        const outcome = await settled;
        if ("error" in outcome) throw outcome.error;
        return outcome.term;
      },
    };
  }

  /**
   * Fit the item–item term with this instead of in this thread after the epochs: it starts with the epochs and runs
   * beside them (the worker passes one that uses a worker thread). Must return what `fitItemItemTerm` returns.
   */
  withItemItemTermFitter(fitter: ItemItemTermFitter): this {
    this.#itemItemFitter = fitter;
    return this;
  }

  /**
   * Use this item–item term instead of fitting one (it has no randomness: a benchmark fitting several seeds on one
   * training set computes it once). It must have been fitted on the dataset passed to `fit`, with this config.
   */
  withItemItemTerm(term: ItemItemTerm): this {
    return this.withItemItemTermFitter(async () => term);
  }

  /** Recomputes the serving matrices (item vectors, biases, history vectors) from the network's parameters. */
  private refreshCache(): void {
    const network = this.#network;
    if (network === undefined) return;
    const { vectors, bias, coldNeighbours } = network.computeItemMatrix();
    this.#coldNeighbours = coldNeighbours;
    this.#itemVectors = vectors;
    this.#itemBias = bias;
    this.#itemInputs = network.computeItemInputMatrix();
    this.#userIds = network.config.useIds ? network.userIds.weights.slice() : new Float32Array(0);
    this.#profileVectors = network.config.useContent ? network.profileVectors.weights.slice() : new Float32Array(0);
    this.#norms = computeNorms(vectors, this.config.dims);
    this.#scorer = createJsDenseScorer(vectors, bias);
    this.assertServingShapes(this.state.items.size, this.state.users.size);
  }

  /**
   * The serving arrays agree with the catalog and the user list: checked once when they are computed or loaded, so
   * that scoring reads them without per-entry fallbacks (a corrupt artifact fails here, naming the array).
   */
  private assertServingShapes(items: number, users: number): void {
    const d = this.config.dims;
    assertLength("joint itemVectors", this.#itemVectors, items * d);
    assertLength("joint itemBias", this.#itemBias, items);
    assertLength("joint itemInputs", this.#itemInputs, items * d);
    if (this.#userIds.length > 0) assertLength("joint userIds", this.#userIds, users * d);
    const histories = this.#histories;
    assertLength("joint historyIndptr", histories.indptr, users + 1);
    assertLength("joint historyItems", histories.items, histories.indptr[users] as number);
    assertLength("joint historyWeights", histories.weights, histories.items.length);
    assertLength("joint historyBaskets", histories.baskets, histories.items.length);
    assertIndices("joint historyItems", histories.items, items);
    const features = this.#userFeatures;
    if (features !== undefined) {
      assertLength("joint userFeatureIndptr", features.indptr, users + 1);
      assertLength("joint userFeatureIndices", features.indices, features.indptr[users] as number);
      assertLength("joint userFeatureValues", features.values, features.indices.length);
      if (this.#profileVectors.length > 0) {
        assertLength("joint profileVectors", this.#profileVectors, features.vocabulary.size * d);
        assertIndices("joint userFeatureIndices", features.indices, features.vocabulary.size);
      }
    }
  }

  /** With content features an item's input has a content part, so an item nobody bought still has a vector. */
  override get scoresUnseenItems(): boolean {
    return this.config.useContent;
  }

  /** Moves the catalog scoring onto TF.js (WASM) when the model's dense backend is tfjs and a fast backend exists. */
  override async prepareForServing(): Promise<void> {
    if (this.config.denseBackend !== "tfjs" || this.#scorer.engine === "tensor") return;
    const scorer = await createTensorDenseScorer(this.#itemVectors, this.#itemBias, this.config.dims);
    if (scorer) this.#scorer = scorer;
  }

  override releaseServing(): void {
    this.#scorer.release();
    this.#scorer = createJsDenseScorer(this.#itemVectors, this.#itemBias);
  }

  protected scoreProfile(profile: UserProfile, userIndex: number | undefined, out: Float32Array): void {
    const d = this.config.dims;
    const { history, weights, baskets } = this.historyFor(profile, userIndex);
    // Item and user indices come from the id maps and the stored histories, whose shapes assertServingShapes checked.
    const user = new Float32Array(d);
    const inputs = this.#itemInputs;
    for (let k = 0; k < history.length; k++) {
      const offset = (history[k] as number) * d;
      const a = weights[k] as number;
      for (let j = 0; j < d; j++) user[j] = (user[j] as number) + a * (inputs[offset + j] as number);
    }
    const userIds = this.#userIds;
    if (userIndex !== undefined && userIds.length > 0) {
      const offset = userIndex * d;
      for (let j = 0; j < d; j++) user[j] = (user[j] as number) + (userIds[offset + j] as number);
    }
    const features = this.#userFeatures;
    const profileVectors = this.#profileVectors;
    if (userIndex !== undefined && features !== undefined && profileVectors.length > 0) {
      const end = features.indptr[userIndex + 1] as number;
      for (let p = features.indptr[userIndex] as number; p < end; p++) {
        const offset = (features.indices[p] as number) * d;
        const y = features.values[p] as number;
        for (let j = 0; j < d; j++) user[j] = (user[j] as number) + y * (profileVectors[offset + j] as number);
      }
    }
    this.#scorer.score(user, out, true);
    if (this.#itemItem.indices.length > 0 && this.config.itemItemWeight > 0) {
      // ease-recency's history weighting: decay^(basket rank), unnormalised, so the term is exactly its score.
      const decay = this.config.itemItemDecay;
      const newest = baskets.length === 0 ? 0 : (baskets[0] as number);
      const x = Array.from(baskets, (basket) => decay ** (basket - newest));
      const cold = this.#coldNeighbours;
      if (cold.indices.length === 0) {
        addItemItemScores(this.#itemItem, history, x, this.config.itemItemWeight, out);
      } else {
        const term = new Float32Array(out.length);
        addItemItemScores(this.#itemItem, history, x, this.config.itemItemWeight, term);
        addColdNeighbourScores(cold, term);
        for (let j = 0; j < out.length; j++) out[j] = (out[j] as number) + (term[j] as number);
      }
    }
  }

  /** Cosine of the fused (content + behaviour) item vectors. */
  protected scoreSimilar(itemIndex: number, out: Float32Array): void {
    const d = this.config.dims;
    const V = this.#itemVectors;
    const norms = this.#norms;
    assertLength("similar-item scores", out, norms.length);
    const norm = norms[itemIndex] as number;
    this.#scorer.score(V.subarray(itemIndex * d, (itemIndex + 1) * d), out, false);
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / (norm * (norms[i] as number) + 1e-12);
  }

  /**
   * The known user's stored history (most recent first) with the fresh items put in front, each fresh item its own
   * basket (they arrive in order); the stored baskets follow, items of one basket sharing a recency weight.
   */
  private historyFor(
    profile: UserProfile,
    userIndex: number | undefined,
  ): { history: number[]; weights: Float32Array; baskets: Int32Array } {
    const recent = profile.recent ?? new Int32Array(0);
    const history: number[] = [...recent];
    const eventWeights: number[] = recent.length > 0 ? Array.from(recent, () => 1) : [];
    const baskets: number[] = Array.from(recent, (_, rank) => rank);
    if (userIndex !== undefined) {
      const h = this.#histories;
      const end = h.indptr[userIndex + 1] as number;
      for (let p = h.indptr[userIndex] as number; p < end; p++) {
        const item = h.items[p] as number;
        if (history.includes(item)) continue;
        history.push(item);
        eventWeights.push(h.weights[p] as number);
        baskets.push(recent.length + (h.baskets[p] as number));
      }
    } else if (recent.length === 0) {
      // Only an unordered profile is known: treat it as one recent basket.
      assertLength("profile values", profile.values, profile.indices.length);
      profile.indices.forEach((item, k) => {
        history.push(item);
        eventWeights.push(profile.values[k] as number);
        baskets.push(0);
      });
    }
    const kept = history.slice(0, this.config.maxHistory);
    const keptBaskets = Int32Array.from(baskets.slice(0, kept.length));
    return {
      history: kept,
      weights: historyWeights(
        Float32Array.from(eventWeights.slice(0, kept.length)),
        keptBaskets,
        this.config.recencyDecay,
      ),
      baskets: keptBaskets,
    };
  }

  protected exportModel(): ModelState {
    const features = this.#userFeatures;
    return {
      meta: { userFeatureVocabulary: features ? [...features.vocabulary.keys()] : [] },
      arrays: {
        itemVectors: this.#itemVectors,
        itemBias: this.#itemBias,
        itemInputs: this.#itemInputs,
        userIds: this.#userIds,
        profileVectors: this.#profileVectors,
        historyIndptr: this.#histories.indptr,
        historyItems: this.#histories.items,
        historyWeights: this.#histories.weights,
        historyBaskets: this.#histories.baskets,
        userFeatureIndptr: features?.indptr ?? new Int32Array(1),
        userFeatureIndices: features?.indices ?? new Int32Array(0),
        userFeatureValues: features?.values ?? new Float32Array(0),
        itemItemIndptr: this.#itemItem.indptr,
        itemItemIndices: this.#itemItem.indices,
        itemItemValues: this.#itemItem.values,
        coldNeighbourIndptr: this.#coldNeighbours.indptr,
        coldNeighbourIndices: this.#coldNeighbours.indices,
        coldNeighbourWeights: this.#coldNeighbours.weights,
      },
    };
  }

  private restoreCache(snapshot: ModelState): void {
    const arrays = snapshot.arrays;
    this.#itemVectors = arrays.itemVectors as Float32Array;
    this.#itemBias = arrays.itemBias as Float32Array;
    this.#itemInputs = arrays.itemInputs as Float32Array;
    this.#userIds = arrays.userIds as Float32Array;
    this.#profileVectors = arrays.profileVectors as Float32Array;
    this.#coldNeighbours = {
      indptr: arrays.coldNeighbourIndptr as Int32Array,
      indices: arrays.coldNeighbourIndices as Int32Array,
      weights: arrays.coldNeighbourWeights as Float32Array,
    };
    this.#norms = computeNorms(this.#itemVectors, this.config.dims);
    this.#scorer = createJsDenseScorer(this.#itemVectors, this.#itemBias);
  }

  protected importModel(artifact: ModelArtifact, state: FittedState): void {
    this.#itemVectors = readArtifactArray(artifact, "itemVectors", Float32Array);
    this.#itemBias = readArtifactArray(artifact, "itemBias", Float32Array);
    this.#itemInputs = readArtifactArray(artifact, "itemInputs", Float32Array);
    this.#userIds = readArtifactArray(artifact, "userIds", Float32Array);
    this.#profileVectors = readArtifactArray(artifact, "profileVectors", Float32Array);
    const historyIndptr = readArtifactArray(artifact, "historyIndptr", Int32Array);
    const historyItems = readArtifactArray(artifact, "historyItems", Int32Array);
    // A model stored before baskets existed has no historyBaskets: every item its own basket, as it was trained.
    const storedBaskets = artifact.arrays.historyBaskets;
    this.#histories = {
      indptr: historyIndptr,
      items: historyItems,
      weights: readArtifactArray(artifact, "historyWeights", Float32Array),
      baskets:
        storedBaskets === undefined
          ? basketsOnePerItem(historyIndptr, historyItems.length)
          : readArtifactArray(artifact, "historyBaskets", Int32Array),
    };
    const vocabulary = artifact.meta.userFeatureVocabulary;
    const tokens = Array.isArray(vocabulary) ? vocabulary.map(String) : [];
    this.#userFeatures = {
      vocabulary: new Map(tokens.map((token, index) => [token, index])),
      indptr: readArtifactArray(artifact, "userFeatureIndptr", Int32Array),
      indices: readArtifactArray(artifact, "userFeatureIndices", Int32Array),
      values: readArtifactArray(artifact, "userFeatureValues", Float32Array),
    };
    this.assertServingShapes(state.items.size, state.users.size);
    // A model stored before the item–item term (or the unsold items' neighbours) existed has none: it scores with the
    // towers alone, as it was tuned.
    const itemItem = readOptionalCsr(artifact, "itemItem", "Values");
    this.#itemItem = itemItem ?? emptyItemItemTerm(state.items.size);
    assertItemItemTerm(this.#itemItem, state.items.size);
    const cold = readOptionalCsr(artifact, "coldNeighbour", "Weights");
    this.#coldNeighbours =
      cold === undefined
        ? noColdNeighbours(state.items.size)
        : { indptr: cold.indptr, indices: cold.indices, weights: cold.values };
    assertColdNeighbours(this.#coldNeighbours, state.items.size);
    this.#norms = computeNorms(this.#itemVectors, this.config.dims);
    this.#scorer = createJsDenseScorer(this.#itemVectors, this.#itemBias);
  }
}

/** A CSR stored as `<prefix>Indptr`, `<prefix>Indices`, `<prefix><values>`; undefined when the artifact predates it. */
function readOptionalCsr(
  artifact: ModelArtifact,
  prefix: string,
  values: string,
): { indptr: Int32Array; indices: Int32Array; values: Float32Array } | undefined {
  if (artifact.arrays[`${prefix}Indptr`] === undefined) return undefined;
  return {
    indptr: readArtifactArray(artifact, `${prefix}Indptr`, Int32Array),
    indices: readArtifactArray(artifact, `${prefix}Indices`, Int32Array),
    values: readArtifactArray(artifact, `${prefix}${values}`, Float32Array),
  };
}

function describeUserTokens(user: { gender?: string; ageBand?: string; city?: string } | undefined): string[] {
  if (user === undefined) return [];
  const tokens: string[] = [];
  if (user.gender !== undefined) tokens.push(`gender:${user.gender}`);
  if (user.ageBand !== undefined) tokens.push(`age:${user.ageBand}`);
  if (user.city !== undefined) tokens.push(`city:${user.city}`);
  return tokens;
}

function buildItemLabels(dataset: InteractionDataset, items: number): ItemLabels {
  const category = new Int32Array(items).fill(-1);
  const metal = new Int32Array(items).fill(-1);
  const priceBand = new Int32Array(items).fill(-1);
  const prices = dataset.catalog
    .map((item) => item?.price ?? null)
    .filter((price): price is number => price !== null && price > 0)
    .sort((a, b) => a - b);
  // Upper edges of the first PRICE_BANDS − 1 quantile bands of the catalog's known prices.
  const edges = Array.from(
    { length: PRICE_BANDS - 1 },
    (_, k) => prices[Math.floor(((k + 1) * prices.length) / PRICE_BANDS)] ?? 0,
  );
  for (let i = 0; i < items; i++) {
    const item = dataset.catalog[i];
    if (item === undefined) continue;
    category[i] = CATEGORIES.indexOf(item.category);
    metal[i] = item.metal === null ? -1 : METALS.indexOf(item.metal);
    const price = item.price;
    if (price !== null && price > 0) priceBand[i] = edges.filter((edge) => price >= edge).length;
  }
  return { category, metal, priceBand };
}

/**
 * Next-item examples: every item of a user's chronological sequence is a target; its history is everything bought
 * strictly before the target's basket, so no example goes from one item of a basket to another (their order inside
 * the basket is only the split's tie rule). Example p is history position p, built when a batch needs it, so a shop
 * with millions of events never holds millions of example arrays at once.
 */
function createExampleReader(
  histories: UserHistories,
  dataset: InteractionDataset,
  config: JointConfig,
): { count: number; read(p: number): JointExample } {
  let maxWeight = 0;
  for (const w of histories.weights) maxWeight = Math.max(maxWeight, w);
  assertLength("history indptr", histories.indptr, dataset.users.size + 1);
  assertLength("history weights", histories.weights, histories.items.length);
  assertLength("history baskets", histories.baskets, histories.items.length);
  const count = histories.indptr[dataset.users.size] as number;
  const userAt = new Int32Array(count);
  for (let user = 0; user < dataset.users.size; user++) {
    userAt.fill(user, histories.indptr[user] as number, histories.indptr[user + 1] as number);
  }
  return {
    count,
    read(p) {
      const user = userAt[p] as number;
      const start = histories.indptr[user] as number;
      const end = histories.indptr[user + 1] as number;
      // Stored most recent first: position p's history is its basket's other items (with "partners") and everything
      // after its basket.
      const entries = exampleHistoryEntries(histories, { target: p, start, end }, config);
      return {
        user,
        history: Int32Array.from(entries, (q) => histories.items[q] as number),
        historyWeights: historyWeights(
          Float32Array.from(entries, (q) => histories.weights[q] as number),
          Int32Array.from(entries, (q) => histories.baskets[q] as number),
          config.recencyDecay,
        ),
        target: histories.items[p] as number,
        weight: (histories.weights[p] as number) / Math.max(maxWeight, 1e-12),
      };
    },
  };
}

type NegativeSampler = { logQ: Float32Array; sample(count: number, rng: Rng): Int32Array };

/** Draws items ∝ (count + 1)^power by binary search on the cumulative distribution; logQ[i] = log q_i. */
function createNegativeSampler(popularity: Float32Array, power: number): NegativeSampler {
  const n = popularity.length;
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += ((popularity[i] as number) + 1) ** power;
    cumulative[i] = total;
  }
  const logQ = Float32Array.from({ length: n }, (_, i) => Math.log(((popularity[i] as number) + 1) ** power / total));
  return {
    logQ,
    sample(count, rng) {
      const out = new Int32Array(count);
      for (let s = 0; s < count; s++) {
        const x = rng.next() * total;
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((cumulative[mid] as number) < x) lo = mid + 1;
          else hi = mid;
        }
        out[s] = lo;
      }
      return out;
    },
  };
}

function shuffle(order: Int32Array, rng: Rng): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
}

function computeNorms(vectors: Float32Array, d: number): Float32Array {
  if (vectors.length % d !== 0)
    throw new Error(`item vectors have length ${vectors.length}, not a multiple of ${d} dims.`);
  const n = vectors.length / d;
  const norms = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < d; j++) sum += (vectors[i * d + j] as number) ** 2;
    norms[i] = Math.sqrt(sum);
  }
  return norms;
}

export const jointModel = defineModel({
  kind: "joint",
  description: "Joint two-tower model (user profile + behaviour, item ids + content) trained with one objective.",
  configSchema: JointConfigSchema,
  create: (config) => new JointRecommender(config),
});

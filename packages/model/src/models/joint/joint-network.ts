import { CATEGORIES, METALS } from "../../domain/vocabulary";
import { assertIndices, assertLength } from "../../linalg/assert-shape";
import type { MultiplyTransposedSync } from "../../linalg/multiply-transposed";
import { selectLargest } from "../../linalg/select-largest";
import { transpose } from "../../linalg/transpose";
import type { Rng } from "../../random/create-rng";
import { type AdagradTable, createAdagradTable } from "./adagrad-table";
import type { FeatureTable } from "./feature-table";
import type { JointConfig } from "./joint-config";

/** One training example: a user, their history before the target (most recent first), the target item. */
export type JointExample = {
  user: number;
  history: Int32Array;
  /** Weight of each history item (event weight × recency), summing to 1; parallel to history. */
  historyWeights: Float32Array;
  target: number;
  weight: number;
};

/** Labels for L_user: an item's category, metal and price band (PRICE_BANDS quantiles) indices, −1 when unknown. */
export type ItemLabels = { category: Int32Array; metal: Int32Array; priceBand: Int32Array };

export type JointShape = {
  items: number;
  users: number;
  itemFeatures: FeatureTable;
  userFeatures: FeatureTable;
  /**
   * Dense content per item (text/image encoders, centred and scaled: normalizeDenseContent), row-major
   * items × denseDims; empty when none.
   */
  dense: Float32Array;
  denseDims: number;
  /** Items with at least one training interaction: only these use their id embedding. */
  trainedItems: Uint8Array;
};

export type StepLosses = { interaction: number; item: number; user: number };

const CATEGORY_CLASSES = CATEGORIES.length;
const METAL_CLASSES = METALS.length;
/** Price classes of L_user: quantile bands of the catalog's known prices. */
export const PRICE_BANDS = 5;
/** Items per block when the dense projection of the whole catalog is computed (bounds the gathered rows' memory). */
const DENSE_BLOCK = 2048;
/** Unsold items per block when their id part is imputed (bounds the block × bought-items weight matrix). */
const IMPUTE_BLOCK = 256;
/** Bought neighbours kept per unsold item for its item–item column (the largest imputation weights, renormalised). */
export const COLD_NEIGHBOURS = 16;

/**
 * Per unsold item, its COLD_NEIGHBOURS bought items of largest imputation weight p_j, renormalised to sum to 1
 * (CSR over all items; empty rows for bought items): the item–item term scores an unsold item as this mixture of
 * its neighbours' scores, as its id part is their p-weighted mixture.
 */
export type ColdNeighbours = { indptr: Int32Array; indices: Int32Array; weights: Float32Array };

/**
 * The joint model's parameters and maths. Item tower: o_i = Eo[i] + z_i, h_i = Ei[i] + z_i with
 * z_i = Σ_f x_if·W_f + Tᵀ·c_i (content; c_i the item's dense encoder vector, T a learned D × d projection).
 * User tower: u = Σ_k α_k·h_k + Eu[user] + Σ_g y_g·P_g.
 * Score s(u, i) = u·o_i + b_i + Σ_f x_if·w_f. Loss per mini-batch: sampled softmax (log-q corrected) over the target
 * and shared negatives, plus a·L_item (each target's id embedding Eo[i] picks its own content vector z_i among the
 * batch's targets: content learns what behaviour taught) plus b·L_user (the next item's category, metal and price
 * band from the behaviour part of the user tower, r = Σ_k α_k·m_k·Ei[k] + Eu[user]).
 * Gradients are written by hand and applied as sparse Adagrad row updates on Float32Array tables; one step is
 * forwardJoint → computeJointHeads → backwardJoint → applyJointGradients (trainJointStep), and
 * joint-gradient-check.test.ts compares every table's gradient with finite differences. The dense projection's
 * products (C·T forward, Cᵀ·∂Z backward, C the batch's dense rows) go through `multiply` like the softmax.
 */
export class JointNetwork {
  readonly d: number;
  readonly itemOut: AdagradTable;
  readonly itemIn: AdagradTable;
  readonly itemBias: AdagradTable;
  readonly featureVectors: AdagradTable;
  readonly featureBias: AdagradTable;
  readonly denseProjection: AdagradTable;
  readonly userIds: AdagradTable;
  readonly profileVectors: AdagradTable;
  readonly userCategoryHead: AdagradTable;
  readonly userMetalHead: AdagradTable;
  readonly userPriceHead: AdagradTable;
  /** Adagrad step size of T: learningRate · denseStepScale / √D (see JointConfig.denseStepScale). */
  readonly denseLearningRate: number;

  constructor(
    readonly shape: JointShape,
    readonly config: JointConfig,
    rng: Rng,
    /** The dense products (tfjs or plain JS): C·T, Cᵀ·∂Z and the sampled softmax's three. */
    readonly multiply: MultiplyTransposedSync,
  ) {
    assertJointShape(shape);
    const d = config.dims;
    this.d = d;
    const init = (rows: number, cols: number, scale = config.initScale) => createAdagradTable(rows, cols, rng, scale);
    this.itemOut = init(shape.items, d);
    this.itemIn = init(shape.items, d);
    this.itemBias = init(shape.items, 1, 0);
    this.featureVectors = init(shape.itemFeatures.vocabulary.size, d);
    this.featureBias = init(shape.itemFeatures.vocabulary.size, 1, 0);
    this.denseProjection = init(
      shape.denseDims,
      d,
      shape.denseDims > 0 ? config.initScale / Math.sqrt(shape.denseDims) : 0,
    );
    this.userIds = init(shape.users, d, config.initScale / 4);
    this.profileVectors = init(shape.userFeatures.vocabulary.size, d);
    // Heads: d weights + 1 bias per class, one row per class.
    this.userCategoryHead = init(CATEGORY_CLASSES, d + 1, 0.01);
    this.userMetalHead = init(METAL_CLASSES, d + 1, 0.01);
    this.userPriceHead = init(PRICE_BANDS, d + 1, 0.01);
    this.denseLearningRate =
      shape.denseDims > 0 ? (config.learningRate * config.denseStepScale) / Math.sqrt(shape.denseDims) : 0;
  }

  /** Whether the item tower has the dense path: dense inputs were given and content is on. */
  get hasDense(): boolean {
    return this.shape.denseDims > 0 && this.config.useContent;
  }

  /** Tᵀ·c_i for every item (items × d), in blocks; zeros without the dense path. */
  computeDenseProjection(): Float32Array {
    const { d } = this;
    const n = this.shape.items;
    const out = new Float32Array(n * d);
    if (!this.hasDense) return out;
    const D = this.shape.denseDims;
    const transposed = transpose(this.denseProjection.weights, D, d);
    for (let start = 0; start < n; start += DENSE_BLOCK) {
      const count = Math.min(DENSE_BLOCK, n - start);
      const rows = this.shape.dense.subarray(start * D, (start + count) * D);
      out.set(this.multiply(rows, count, transposed, d, D), start * d);
    }
    return out;
  }

  /**
   * The sparse part of the content vector (Σ_f x_if·W_f) into out[offset..offset+d) and the content bias; zero when
   * content is off. The dense part Tᵀ·c_i is added by the callers in one matrix product for many items.
   */
  contentVector(item: number, out: Float32Array, offset: number): number {
    const { d } = this;
    out.fill(0, offset, offset + d);
    if (!this.config.useContent) return 0;
    const { indptr, indices, values } = this.shape.itemFeatures;
    const W = this.featureVectors.weights;
    let bias = 0;
    for (let p = indptr[item] as number, end = indptr[item + 1] as number; p < end; p++) {
      const f = indices[p] as number;
      const x = values[p] as number;
      bias += x * (this.featureBias.weights[f] as number);
      for (let k = 0; k < d; k++) out[offset + k] = (out[offset + k] as number) + x * (W[f * d + k] as number);
    }
    return bias;
  }

  usesId(item: number): boolean {
    return this.config.useIds && this.shape.trainedItems[item] === 1;
  }

  /** Every item's output vector and bias (for scoring all items at once). */
  computeItemMatrix(): { vectors: Float32Array; bias: Float32Array; coldNeighbours: ColdNeighbours } {
    const { d } = this;
    const n = this.shape.items;
    const vectors = this.computeDenseProjection();
    const bias = new Float32Array(n);
    const sparse = new Float32Array(d);
    for (let i = 0; i < n; i++) {
      bias[i] = this.contentVector(i, sparse, 0);
      for (let k = 0; k < d; k++) vectors[i * d + k] = (vectors[i * d + k] as number) + (sparse[k] as number);
      if (this.usesId(i)) {
        bias[i] = (bias[i] as number) + (this.itemBias.weights[i] as number);
        for (let k = 0; k < d; k++)
          vectors[i * d + k] = (vectors[i * d + k] as number) + (this.itemOut.weights[i * d + k] as number);
      }
    }
    const imputes = this.config.imputeColdIds && this.config.useIds && this.config.useContent;
    const coldNeighbours = imputes ? this.imputeColdIds(vectors, bias) : noColdNeighbours(n);
    return { vectors, bias, coldNeighbours };
  }

  /**
   * Gives every item without an id embedding (nobody bought it) the id part its content predicts: L_item trains
   * p(j | z_i) ∝ exp(Eo_j·z_i) to pick an item's own behaviour embedding from its content, so over the bought items j
   * it is a distribution of behaviour neighbours; the unsold item gets Σ_j p_j·Eo_j and Σ_j p_j·b_j on top of its
   * content (vectors holds exactly z_i for such an item), with p_j ∝ exp(Eo_j·z_i / τ) — τ = coldIdTemperature below 1
   * leans on the nearest neighbours instead of a flat average that shrinks towards the mean item. Without it an unsold
   * item lacks the id part and bias every bought item has and ranks below them all. Computed once with the serving
   * matrices, in blocks of cold items.
   */
  private imputeColdIds(vectors: Float32Array, bias: Float32Array): ColdNeighbours {
    const { d } = this;
    const n = this.shape.items;
    const cold: number[] = [];
    const trained: number[] = [];
    for (let i = 0; i < n; i++) (this.usesId(i) ? trained : cold).push(i);
    if (cold.length === 0 || trained.length === 0) return noColdNeighbours(n);
    const neighbourCount = Math.min(COLD_NEIGHBOURS, trained.length);
    const neighbourItems = new Int32Array(cold.length * neighbourCount);
    const neighbourWeights = new Float32Array(cold.length * neighbourCount);
    const Eo = this.itemOut.weights;
    const ids = new Float32Array(trained.length * d);
    trained.forEach((item, t) => {
      ids.set(Eo.subarray(item * d, item * d + d), t * d);
    });
    const idsT = transpose(ids, trained.length, d);
    const temperature = this.config.coldIdTemperature;
    for (let start = 0; start < cold.length; start += IMPUTE_BLOCK) {
      const block = cold.slice(start, start + IMPUTE_BLOCK);
      const contents = new Float32Array(block.length * d);
      block.forEach((item, r) => {
        contents.set(vectors.subarray(item * d, item * d + d), r * d);
      });
      const weights = this.multiply(contents, block.length, ids, trained.length, d).slice();
      for (let r = 0; r < block.length; r++) {
        const row = weights.subarray(r * trained.length, (r + 1) * trained.length);
        let max = Number.NEGATIVE_INFINITY;
        for (const value of row) max = Math.max(max, value);
        let sum = 0;
        for (let t = 0; t < row.length; t++) {
          row[t] = Math.exp(((row[t] as number) - max) / temperature);
          sum += row[t] as number;
        }
        const item = block[r] as number;
        let imputedBias = 0;
        for (let t = 0; t < row.length; t++) {
          row[t] = (row[t] as number) / sum;
          imputedBias += (row[t] as number) * (this.itemBias.weights[trained[t] as number] as number);
        }
        bias[item] = (bias[item] as number) + imputedBias;
        keepLargest(row, trained, neighbourCount, (start + r) * neighbourCount, neighbourItems, neighbourWeights);
      }
      const imputed = this.multiply(weights, block.length, idsT, d, trained.length);
      block.forEach((item, r) => {
        for (let k = 0; k < d; k++)
          vectors[item * d + k] = (vectors[item * d + k] as number) + (imputed[r * d + k] as number);
      });
    }
    const indptr = new Int32Array(n + 1);
    const coldRank = new Int32Array(n).fill(-1);
    cold.forEach((item, rank) => {
      coldRank[item] = rank;
    });
    for (let i = 0; i < n; i++) indptr[i + 1] = (indptr[i] as number) + (coldRank[i] === -1 ? 0 : neighbourCount);
    const indices = new Int32Array(indptr[n] as number);
    const weights = new Float32Array(indices.length);
    cold.forEach((item, rank) => {
      const from = rank * neighbourCount;
      indices.set(neighbourItems.subarray(from, from + neighbourCount), indptr[item] as number);
      weights.set(neighbourWeights.subarray(from, from + neighbourCount), indptr[item] as number);
    });
    return { indptr, indices, weights };
  }

  /** The history-side vector h_i of every item (for folding a shopper's recent items into a user vector). */
  computeItemInputMatrix(): Float32Array {
    const { d } = this;
    const n = this.shape.items;
    const vectors = this.computeDenseProjection();
    const sparse = new Float32Array(d);
    for (let i = 0; i < n; i++) {
      this.contentVector(i, sparse, 0);
      for (let k = 0; k < d; k++) vectors[i * d + k] = (vectors[i * d + k] as number) + (sparse[k] as number);
      if (this.usesId(i)) {
        for (let k = 0; k < d; k++)
          vectors[i * d + k] = (vectors[i * d + k] as number) + (this.itemIn.weights[i * d + k] as number);
      }
    }
    return vectors;
  }
}

export function noColdNeighbours(items: number): ColdNeighbours {
  return { indptr: new Int32Array(items + 1), indices: new Int32Array(0), weights: new Float32Array(0) };
}

/**
 * Writes the `count` largest entries of the probability row p (over `items`) and their item ids at `offset`,
 * renormalised to sum to 1.
 */
function keepLargest(
  p: Float32Array,
  items: readonly number[],
  count: number,
  offset: number,
  outItems: Int32Array,
  outWeights: Float32Array,
): void {
  const kept = selectLargest(p, count);
  let total = 0;
  kept.forEach((t, k) => {
    outItems[offset + k] = items[t] as number;
    outWeights[offset + k] = p[t] as number;
    total += p[t] as number;
  });
  for (let k = 0; k < count; k++) outWeights[offset + k] = (outWeights[offset + k] as number) / (total || 1);
}

/** The shape's tables agree with its item and user counts, so the kernels can index them without checks. */
function assertJointShape(shape: JointShape): void {
  const { items, users, itemFeatures, userFeatures, denseDims } = shape;
  assertLength("item feature indptr", itemFeatures.indptr, items + 1);
  assertIndices("item feature indices", itemFeatures.indices, itemFeatures.vocabulary.size);
  assertLength("item feature values", itemFeatures.values, itemFeatures.indices.length);
  assertLength("user feature indptr", userFeatures.indptr, users + 1);
  assertIndices("user feature indices", userFeatures.indices, userFeatures.vocabulary.size);
  assertLength("user feature values", userFeatures.values, userFeatures.indices.length);
  assertLength("dense item content", shape.dense, items * denseDims);
  assertLength("trained items", shape.trainedItems, items);
}

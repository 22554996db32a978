import { CATEGORIES, METALS } from "../../domain/vocabulary";
import type { MultiplyTransposedSync } from "../../linalg/multiply-transposed";
import type { Rng } from "../../random/create-rng";
import { type AdagradTable, createAdagradTable, stepAdagradRow } from "./adagrad-table";
import type { FeatureTable } from "./feature-table";
import type { JointConfig } from "./joint-config";
import { sampledSoftmax } from "./sampled-softmax";

/** One training example: a user, their history before the target (most recent first), the target item. */
export type JointExample = {
  user: number;
  history: Int32Array;
  /** Weight of each history item (event weight × recency), summing to 1; parallel to history. */
  historyWeights: Float32Array;
  target: number;
  weight: number;
};

/** Labels for the auxiliary losses: an item's category and metal indices (−1 when unknown). */
export type ItemLabels = { category: Int32Array; metal: Int32Array };

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
/** Items per block when the dense projection of the whole catalog is computed (bounds the gathered rows' memory). */
const DENSE_BLOCK = 2048;

/**
 * The joint model's parameters and maths. Item tower: o_i = Eo[i] + z_i, h_i = Ei[i] + z_i with
 * z_i = Σ_f x_if·W_f + Tᵀ·c_i (content; c_i the item's dense encoder vector, T a learned D × d projection).
 * User tower: u = Σ_k α_k·h_k + Eu[user] + Σ_g y_g·P_g.
 * Score s(u, i) = u·o_i + b_i + Σ_f x_if·w_f. Loss per mini-batch: sampled softmax (log-q corrected) over the target
 * and shared negatives, plus a·L_item (category and metal from Eo[i]) plus b·L_user (next category from u).
 * Gradients are written by hand and applied as sparse Adagrad row updates on Float32Array tables; the dense
 * projection's products (C·T forward, Cᵀ·∂Z backward, C the batch's dense rows) go through `multiply` like the softmax.
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
  readonly categoryHead: AdagradTable;
  readonly metalHead: AdagradTable;
  readonly userHead: AdagradTable;
  /** Adagrad step size of T: learningRate · denseStepScale / √D (see JointConfig.denseStepScale). */
  readonly denseLearningRate: number;

  constructor(
    readonly shape: JointShape,
    readonly config: JointConfig,
    rng: Rng,
    private readonly multiply: MultiplyTransposedSync,
  ) {
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
    this.categoryHead = init(CATEGORY_CLASSES, d + 1, 0.01);
    this.metalHead = init(METAL_CLASSES, d + 1, 0.01);
    this.userHead = init(CATEGORY_CLASSES, d + 1, 0.01);
    this.denseLearningRate =
      shape.denseDims > 0 ? (config.learningRate * config.denseStepScale) / Math.sqrt(shape.denseDims) : 0;
  }

  /** Whether the item tower has the dense path: dense inputs were given and content is on. */
  get hasDense(): boolean {
    return this.shape.denseDims > 0 && this.config.useContent;
  }

  /** The dense rows c_i of `count` items (count × D). */
  private gatherDense(items: ArrayLike<number>, count: number): Float32Array {
    const D = this.shape.denseDims;
    const rows = new Float32Array(count * D);
    for (let r = 0; r < count; r++) {
      const item = items[r] ?? 0;
      rows.set(this.shape.dense.subarray(item * D, item * D + D), r * D);
    }
    return rows;
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
    for (let p = indptr[item] ?? 0, end = indptr[item + 1] ?? 0; p < end; p++) {
      const f = indices[p] ?? 0;
      const x = values[p] ?? 0;
      bias += x * (this.featureBias.weights[f] ?? 0);
      for (let k = 0; k < d; k++) out[offset + k] = (out[offset + k] ?? 0) + x * (W[f * d + k] ?? 0);
    }
    return bias;
  }

  usesId(item: number): boolean {
    return this.config.useIds && this.shape.trainedItems[item] === 1;
  }

  /** Every item's output vector and bias (for scoring all items at once). */
  computeItemMatrix(): { vectors: Float32Array; bias: Float32Array } {
    const { d } = this;
    const n = this.shape.items;
    const vectors = this.computeDenseProjection();
    const bias = new Float32Array(n);
    const sparse = new Float32Array(d);
    for (let i = 0; i < n; i++) {
      bias[i] = this.contentVector(i, sparse, 0);
      for (let k = 0; k < d; k++) vectors[i * d + k] = (vectors[i * d + k] ?? 0) + (sparse[k] ?? 0);
      if (this.usesId(i)) {
        bias[i] = (bias[i] ?? 0) + (this.itemBias.weights[i] ?? 0);
        for (let k = 0; k < d; k++)
          vectors[i * d + k] = (vectors[i * d + k] ?? 0) + (this.itemOut.weights[i * d + k] ?? 0);
      }
    }
    return { vectors, bias };
  }

  /** The history-side vector h_i of every item (for folding a shopper's recent items into a user vector). */
  computeItemInputMatrix(): Float32Array {
    const { d } = this;
    const n = this.shape.items;
    const vectors = this.computeDenseProjection();
    const sparse = new Float32Array(d);
    for (let i = 0; i < n; i++) {
      this.contentVector(i, sparse, 0);
      for (let k = 0; k < d; k++) vectors[i * d + k] = (vectors[i * d + k] ?? 0) + (sparse[k] ?? 0);
      if (this.usesId(i)) {
        for (let k = 0; k < d; k++)
          vectors[i * d + k] = (vectors[i * d + k] ?? 0) + (this.itemIn.weights[i * d + k] ?? 0);
      }
    }
    return vectors;
  }

  /** u = Σ α_k h_k + Eu[user] + Σ y_g P_g, into out[0..d). `user` −1 for a shopper unseen at fit time. */
  userVector(
    inputs: Float32Array,
    history: ArrayLike<number>,
    weights: ArrayLike<number>,
    user: number,
    profile: { indices: ArrayLike<number>; values: ArrayLike<number> },
    out: Float32Array,
  ): void {
    const { d } = this;
    out.fill(0);
    for (let k = 0; k < history.length; k++) {
      const item = history[k] ?? 0;
      const a = weights[k] ?? 0;
      for (let j = 0; j < d; j++) out[j] = (out[j] ?? 0) + a * (inputs[item * d + j] ?? 0);
    }
    if (this.config.useIds && user >= 0) {
      const E = this.userIds.weights;
      for (let j = 0; j < d; j++) out[j] = (out[j] ?? 0) + (E[user * d + j] ?? 0);
    }
    if (this.config.useContent) {
      const P = this.profileVectors.weights;
      for (let p = 0; p < profile.indices.length; p++) {
        const g = profile.indices[p] ?? 0;
        const y = profile.values[p] ?? 0;
        for (let j = 0; j < d; j++) out[j] = (out[j] ?? 0) + y * (P[g * d + j] ?? 0);
      }
    }
  }

  /**
   * One optimisation step on a mini-batch. `negatives` are shared by the batch, drawn with probabilities `negativeQ`
   * (for the log-q correction). Returns the mean losses.
   */
  trainStep(
    batch: readonly JointExample[],
    negatives: Int32Array,
    logQ: Float32Array,
    labels: ItemLabels,
    rng: Rng,
  ): StepLosses {
    const { d, config } = this;
    const B = batch.length;
    // Slots: every item this batch touches gets its vectors computed once.
    const slotOf = new Map<number, number>();
    const slotItems: number[] = [];
    const slot = (item: number): number => {
      let s = slotOf.get(item);
      if (s === undefined) {
        s = slotItems.length;
        slotOf.set(item, s);
        slotItems.push(item);
      }
      return s;
    };
    for (const example of batch) {
      slot(example.target);
      for (const item of example.history) slot(item);
    }
    for (const item of negatives) slot(item);
    const n = slotItems.length;
    const keepId = new Uint8Array(n);
    const z = new Float32Array(n * d);
    const contentBias = new Float32Array(n);
    const out = new Float32Array(n * d);
    const inp = new Float32Array(n * d);
    const bias = new Float32Array(n);
    // Dense part of the content: Z += C·T for the slots' dense rows C (kept for the backward product).
    const denseRows = this.hasDense ? this.gatherDense(slotItems, n) : null;
    const denseZ =
      denseRows === null
        ? null
        : this.multiply(
            denseRows,
            n,
            transpose(this.denseProjection.weights, this.shape.denseDims, d),
            d,
            this.shape.denseDims,
          );
    for (let s = 0; s < n; s++) {
      const item = slotItems[s] ?? 0;
      keepId[s] = this.usesId(item) && rng.next() >= config.idDropout ? 1 : 0;
      contentBias[s] = this.contentVector(item, z, s * d);
      if (denseZ !== null) for (let k = 0; k < d; k++) z[s * d + k] = (z[s * d + k] ?? 0) + (denseZ[s * d + k] ?? 0);
      bias[s] = (contentBias[s] ?? 0) + (keepId[s] ? (this.itemBias.weights[item] ?? 0) : 0);
      for (let k = 0; k < d; k++) {
        const zk = z[s * d + k] ?? 0;
        out[s * d + k] = zk + (keepId[s] ? (this.itemOut.weights[item * d + k] ?? 0) : 0);
        inp[s * d + k] = zk + (keepId[s] ? (this.itemIn.weights[item * d + k] ?? 0) : 0);
      }
    }
    // User vectors from the slot input vectors.
    const U = new Float32Array(B * d);
    const profiles = this.shape.userFeatures;
    for (let b = 0; b < B; b++) {
      const example = batch[b];
      if (example === undefined) continue;
      const u = U.subarray(b * d, b * d + d);
      for (let k = 0; k < example.history.length; k++) {
        const s = slotOf.get(example.history[k] ?? 0) ?? 0;
        const a = example.historyWeights[k] ?? 0;
        for (let j = 0; j < d; j++) u[j] = (u[j] ?? 0) + a * (inp[s * d + j] ?? 0);
      }
      if (config.useIds) {
        const E = this.userIds.weights;
        for (let j = 0; j < d; j++) u[j] = (u[j] ?? 0) + (E[example.user * d + j] ?? 0);
      }
      if (config.useContent) {
        const P = this.profileVectors.weights;
        for (let p = profiles.indptr[example.user] ?? 0; p < (profiles.indptr[example.user + 1] ?? 0); p++) {
          const g = profiles.indices[p] ?? 0;
          const y = profiles.values[p] ?? 0;
          for (let j = 0; j < d; j++) u[j] = (u[j] ?? 0) + y * (P[g * d + j] ?? 0);
        }
      }
    }
    // Sampled softmax over [target, shared negatives]: the dense products go through `multiply` (tfjs).
    const dOut = new Float32Array(n * d);
    const dBias = new Float32Array(n);
    const histories = batch.map((example) => new Set(example.history));
    const softmax = sampledSoftmax(
      {
        d,
        users: U,
        itemVectors: out,
        itemBias: bias,
        targetSlots: Int32Array.from(batch, (example) => slotOf.get(example.target) ?? 0),
        targetItems: Int32Array.from(batch, (example) => example.target),
        weights: Float32Array.from(batch, (example) => example.weight),
        isInHistory: (example, item) => histories[example]?.has(item) ?? false,
        negativeSlots: Int32Array.from(negatives, (item) => slotOf.get(item) ?? 0),
        negativeItems: negatives,
        logQ,
      },
      this.multiply,
      dOut,
      dBias,
    );
    const dU = softmax.dUsers;
    const interactionLoss = softmax.loss;
    // L_user: the target's category from the user vector.
    let userLoss = 0;
    if (config.userLossWeight > 0) {
      const probs = new Float32Array(CATEGORY_CLASSES);
      const gradHead = new Float32Array(CATEGORY_CLASSES * (d + 1));
      for (let b = 0; b < B; b++) {
        const example = batch[b];
        const label = example === undefined ? -1 : (labels.category[example.target] ?? -1);
        if (label < 0) continue;
        userLoss += softmaxHead(this.userHead.weights, U, b * d, d, CATEGORY_CLASSES, label, probs);
        const scale = config.userLossWeight / B;
        accumulateHeadGradient(this.userHead.weights, U, b * d, d, probs, label, scale, gradHead, dU, b * d);
      }
      applyHeadGradient(this.userHead, gradHead, config);
      userLoss /= B;
    }
    // L_item: category and metal of each target item from its id embedding.
    let itemLoss = 0;
    if (config.itemLossWeight > 0 && config.useIds) {
      const targets = [...new Set(batch.map((example) => example.target))].filter((item) => this.usesId(item));
      const probsC = new Float32Array(CATEGORY_CLASSES);
      const probsM = new Float32Array(METAL_CLASSES);
      const gradC = new Float32Array(CATEGORY_CLASSES * (d + 1));
      const gradM = new Float32Array(METAL_CLASSES * (d + 1));
      const dEo = new Float32Array(d);
      const scale = config.itemLossWeight / Math.max(1, targets.length);
      for (const item of targets) {
        dEo.fill(0);
        const E = this.itemOut.weights;
        const category = labels.category[item] ?? -1;
        const metal = labels.metal[item] ?? -1;
        if (category >= 0) {
          itemLoss += softmaxHead(this.categoryHead.weights, E, item * d, d, CATEGORY_CLASSES, category, probsC);
          accumulateHeadGradient(this.categoryHead.weights, E, item * d, d, probsC, category, scale, gradC, dEo, 0);
        }
        if (metal >= 0) {
          itemLoss += softmaxHead(this.metalHead.weights, E, item * d, d, METAL_CLASSES, metal, probsM);
          accumulateHeadGradient(this.metalHead.weights, E, item * d, d, probsM, metal, scale, gradM, dEo, 0);
        }
        stepAdagradRow(this.itemOut, item, dEo, config.learningRate, config.l2);
      }
      applyHeadGradient(this.categoryHead, gradC, config);
      applyHeadGradient(this.metalHead, gradM, config);
      itemLoss /= Math.max(1, targets.length);
    }
    // Back through the user tower: history input vectors, user ids, profile vectors.
    const dInp = new Float32Array(n * d);
    const profileGrads = new Map<number, Float32Array>();
    const userGrads = new Map<number, Float32Array>();
    for (let b = 0; b < B; b++) {
      const example = batch[b];
      if (example === undefined) continue;
      const du = dU.subarray(b * d, b * d + d);
      for (let k = 0; k < example.history.length; k++) {
        const s = slotOf.get(example.history[k] ?? 0) ?? 0;
        const a = example.historyWeights[k] ?? 0;
        for (let j = 0; j < d; j++) dInp[s * d + j] = (dInp[s * d + j] ?? 0) + a * (du[j] ?? 0);
      }
      if (config.useIds) addInto(userGrads, example.user, du, 1, d);
      if (config.useContent) {
        for (let p = profiles.indptr[example.user] ?? 0; p < (profiles.indptr[example.user + 1] ?? 0); p++) {
          addInto(profileGrads, profiles.indices[p] ?? 0, du, profiles.values[p] ?? 0, d);
        }
      }
    }
    for (const [user, grad] of userGrads) stepAdagradRow(this.userIds, user, grad, config.learningRate, config.l2);
    for (const [g, grad] of profileGrads) stepAdagradRow(this.profileVectors, g, grad, config.learningRate, config.l2);
    // Back through the item tower: id embeddings, biases, content.
    const featureGrads = new Map<number, Float32Array>();
    const featureBiasGrads = new Map<number, number>();
    const rowGrad = new Float32Array(d);
    const biasGrad = new Float32Array(1);
    const dz = new Float32Array(d);
    const { indptr, indices, values } = this.shape.itemFeatures;
    for (let s = 0; s < n; s++) {
      const item = slotItems[s] ?? 0;
      let touched = false;
      for (let k = 0; k < d; k++) {
        const a = dOut[s * d + k] ?? 0;
        const c = dInp[s * d + k] ?? 0;
        dz[k] = a + c;
        if (a !== 0 || c !== 0) touched = true;
      }
      const db = dBias[s] ?? 0;
      if (!touched && db === 0) continue;
      if (keepId[s]) {
        rowGrad.set(dOut.subarray(s * d, s * d + d));
        stepAdagradRow(this.itemOut, item, rowGrad, config.learningRate, config.l2);
        rowGrad.set(dInp.subarray(s * d, s * d + d));
        stepAdagradRow(this.itemIn, item, rowGrad, config.learningRate, config.l2);
        biasGrad[0] = db;
        stepAdagradRow(this.itemBias, item, biasGrad, config.learningRate, 0);
      }
      if (!config.useContent) continue;
      for (let p = indptr[item] ?? 0, end = indptr[item + 1] ?? 0; p < end; p++) {
        const f = indices[p] ?? 0;
        const x = values[p] ?? 0;
        addInto(featureGrads, f, dz, x, d);
        featureBiasGrads.set(f, (featureBiasGrads.get(f) ?? 0) + x * db);
      }
    }
    for (const [f, grad] of featureGrads) stepAdagradRow(this.featureVectors, f, grad, config.learningRate, config.l2);
    for (const [f, grad] of featureBiasGrads) {
      biasGrad[0] = grad;
      stepAdagradRow(this.featureBias, f, biasGrad, config.learningRate, 0);
    }
    if (denseRows !== null) {
      // ∂T = Cᵀ·∂Z with ∂Z = ∂o + ∂h per slot; one Adagrad step on every row of T (it feeds every item).
      const D = this.shape.denseDims;
      const dZt = new Float32Array(d * n);
      for (let s = 0; s < n; s++) {
        for (let k = 0; k < d; k++) dZt[k * n + s] = (dOut[s * d + k] ?? 0) + (dInp[s * d + k] ?? 0);
      }
      const denseGrad = this.multiply(transpose(denseRows, n, D), D, dZt, d, n);
      for (let j = 0; j < D; j++) {
        stepAdagradRow(
          this.denseProjection,
          j,
          denseGrad.subarray(j * d, j * d + d),
          this.denseLearningRate,
          config.l2,
        );
      }
    }
    return { interaction: interactionLoss, item: itemLoss, user: userLoss };
  }
}

/** Softmax over a linear head (rows: classes, d weights + bias) applied to x[offset..offset+d); returns −log p[label]. */
function softmaxHead(
  head: Float32Array,
  x: Float32Array,
  offset: number,
  d: number,
  classes: number,
  label: number,
  probs: Float32Array,
): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < classes; c++) {
    let z = head[c * (d + 1) + d] ?? 0;
    for (let k = 0; k < d; k++) z += (head[c * (d + 1) + k] ?? 0) * (x[offset + k] ?? 0);
    probs[c] = z;
    if (z > max) max = z;
  }
  let sum = 0;
  for (let c = 0; c < classes; c++) {
    const e = Math.exp((probs[c] ?? 0) - max);
    probs[c] = e;
    sum += e;
  }
  for (let c = 0; c < classes; c++) probs[c] = (probs[c] ?? 0) / sum;
  return -Math.log(Math.max(probs[label] ?? 0, 1e-30));
}

/** Adds the head's gradient (into gradHead) and the input's gradient (into dx[dxOffset..]) for one example. */
function accumulateHeadGradient(
  head: Float32Array,
  x: Float32Array,
  offset: number,
  d: number,
  probs: Float32Array,
  label: number,
  scale: number,
  gradHead: Float32Array,
  dx: Float32Array,
  dxOffset: number,
): void {
  for (let c = 0; c < probs.length; c++) {
    const g = scale * ((probs[c] ?? 0) - (c === label ? 1 : 0));
    for (let k = 0; k < d; k++) {
      gradHead[c * (d + 1) + k] = (gradHead[c * (d + 1) + k] ?? 0) + g * (x[offset + k] ?? 0);
      dx[dxOffset + k] = (dx[dxOffset + k] ?? 0) + g * (head[c * (d + 1) + k] ?? 0);
    }
    gradHead[c * (d + 1) + d] = (gradHead[c * (d + 1) + d] ?? 0) + g;
  }
}

function applyHeadGradient(head: AdagradTable, grad: Float32Array, config: JointConfig): void {
  const width = head.cols;
  for (let c = 0; c < head.rows; c++) {
    stepAdagradRow(head, c, grad.subarray(c * width, c * width + width), config.learningRate, config.l2);
  }
}

function addInto(
  target: Map<number, Float32Array>,
  row: number,
  grad: ArrayLike<number>,
  scale: number,
  d: number,
): void {
  let acc = target.get(row);
  if (acc === undefined) {
    acc = new Float32Array(d);
    target.set(row, acc);
  }
  for (let k = 0; k < d; k++) acc[k] = (acc[k] ?? 0) + scale * (grad[k] ?? 0);
}

function transpose(matrix: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = matrix[r * cols + c] ?? 0;
  return out;
}

import { assertIndices, assertLength } from "../../linalg/assert-shape";
import type { MultiplyTransposedSync } from "../../linalg/multiply-transposed";
import { transpose } from "../../linalg/transpose";

export type SampledSoftmaxInput = {
  d: number;
  /** User vectors, B × d. */
  users: Float32Array;
  /** Candidate-side item vectors and biases of the batch's slots (n × d, n). */
  itemVectors: Float32Array;
  itemBias: Float32Array;
  /** Per example: the target's slot and item index, the example weight and whether an item is in its history. */
  targetSlots: Int32Array;
  targetItems: Int32Array;
  weights: Float32Array;
  isInHistory: (example: number, item: number) => boolean;
  /** Shared negatives: slots and item indices (S). */
  negativeSlots: Int32Array;
  negativeItems: Int32Array;
  /** log q of every item (the sampling distribution), for the log-q correction. */
  logQ: Float32Array;
};

export type SampledSoftmaxGradients = {
  loss: number;
  /** ∂L/∂users, B × d. */
  dUsers: Float32Array;
  /** ∂L/∂item vectors and biases per slot (added into the given buffers). */
};

/**
 * Log-q corrected sampled softmax of a mini-batch: each example's target competes with the shared negatives (those
 * equal to the target or in the example's history are masked). The three dense products — logits U·Oₙᵀ, ∂U = G·Oₙ,
 * ∂Oₙ = Gᵀ·U — go through `multiply` (tfjs); the rest is sparse bookkeeping. Adds slot gradients into `dItemVectors`
 * / `dItemBias`, returns the weighted loss and ∂L/∂U. Weights are normalised by their sum.
 */
export function sampledSoftmax(
  input: SampledSoftmaxInput,
  multiply: MultiplyTransposedSync,
  dItemVectors: Float32Array,
  dItemBias: Float32Array,
): SampledSoftmaxGradients {
  const { d, users, itemVectors, itemBias, targetSlots, targetItems, weights, negativeSlots, negativeItems, logQ } =
    input;
  const B = targetSlots.length;
  const S = negativeSlots.length;
  const n = itemBias.length;
  assertLength("users", users, B * d);
  assertLength("item vectors", itemVectors, n * d);
  assertLength("dItemVectors", dItemVectors, n * d);
  assertLength("dItemBias", dItemBias, n);
  assertLength("targetItems", targetItems, B);
  assertLength("weights", weights, B);
  assertLength("negativeItems", negativeItems, S);
  assertIndices("targetSlots", targetSlots, n);
  assertIndices("negativeSlots", negativeSlots, n);
  assertIndices("targetItems", targetItems, logQ.length);
  assertIndices("negativeItems", negativeItems, logQ.length);
  const negatives = new Float32Array(S * d);
  for (let j = 0; j < S; j++) {
    const from = (negativeSlots[j] as number) * d;
    negatives.set(itemVectors.subarray(from, from + d), j * d);
  }
  const logits = multiply(users, B, negatives, S, d);
  let totalWeight = 0;
  for (let b = 0; b < B; b++) totalWeight += weights[b] as number;
  const norm = 1 / Math.max(totalWeight, 1e-12);
  const grads = new Float32Array(B * S);
  const targetGrads = new Float32Array(B);
  let loss = 0;
  for (let b = 0; b < B; b++) {
    const target = targetItems[b] as number;
    const ts = targetSlots[b] as number;
    let targetLogit = (itemBias[ts] as number) - (logQ[target] as number);
    for (let k = 0; k < d; k++) targetLogit += (users[b * d + k] as number) * (itemVectors[ts * d + k] as number);
    let max = targetLogit;
    const row = b * S;
    for (let j = 0; j < S; j++) {
      const item = negativeItems[j] as number;
      if (item === target || input.isInHistory(b, item)) {
        grads[row + j] = Number.NaN; // masked
        continue;
      }
      const value =
        (logits[row + j] as number) + (itemBias[negativeSlots[j] as number] as number) - (logQ[item] as number);
      grads[row + j] = value;
      if (value > max) max = value;
    }
    let sum = Math.exp(targetLogit - max);
    for (let j = 0; j < S; j++) {
      const value = grads[row + j] as number;
      if (Number.isNaN(value)) continue;
      const e = Math.exp(value - max);
      grads[row + j] = e;
      sum += e;
    }
    const w = weights[b] as number;
    const pTarget = Math.exp(targetLogit - max) / sum;
    loss -= w * Math.log(Math.max(pTarget, 1e-30));
    const scale = w * norm;
    targetGrads[b] = scale * (pTarget - 1);
    for (let j = 0; j < S; j++) {
      const value = grads[row + j] as number;
      grads[row + j] = Number.isNaN(value) ? 0 : (scale * value) / sum;
    }
  }
  // ∂U = G · Oₙ  (+ the target term), computed as G · (Oₙᵀ)ᵀ.
  const negativesT = transpose(negatives, S, d);
  const dUsers = multiply(grads, B, negativesT, d, S);
  // ∂Oₙ = Gᵀ · U, computed as Gᵀ · (Uᵀ)ᵀ.
  const dNegatives = multiply(transpose(grads, B, S), S, transpose(users, B, d), d, B);
  for (let j = 0; j < S; j++) {
    const slot = negativeSlots[j] as number;
    let biasGrad = 0;
    for (let b = 0; b < B; b++) biasGrad += grads[b * S + j] as number;
    dItemBias[slot] = (dItemBias[slot] as number) + biasGrad;
    for (let k = 0; k < d; k++)
      dItemVectors[slot * d + k] = (dItemVectors[slot * d + k] as number) + (dNegatives[j * d + k] as number);
  }
  for (let b = 0; b < B; b++) {
    const g = targetGrads[b] as number;
    const ts = targetSlots[b] as number;
    dItemBias[ts] = (dItemBias[ts] as number) + g;
    for (let k = 0; k < d; k++) {
      dUsers[b * d + k] = (dUsers[b * d + k] as number) + g * (itemVectors[ts * d + k] as number);
      dItemVectors[ts * d + k] = (dItemVectors[ts * d + k] as number) + g * (users[b * d + k] as number);
    }
  }
  return { loss: loss * norm, dUsers };
}

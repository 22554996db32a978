import { CATEGORIES, METALS } from "../../domain/vocabulary";
import type { JointConfig } from "./joint-config";
import { type ItemLabels, type JointExample, type JointShape, PRICE_BANDS } from "./joint-network";

/**
 * The joint objective written straight from docs/model.md in float64, with none of the training code's
 * bookkeeping (slots, shared buffers, hand-written gradients): the ground truth that the gradient check
 * differentiates by finite differences. Tests only.
 */
export const JOINT_TABLE_NAMES = [
  "itemOut",
  "itemIn",
  "itemBias",
  "featureVectors",
  "featureBias",
  "denseProjection",
  "userIds",
  "profileVectors",
  "userCategoryHead",
  "userMetalHead",
  "userPriceHead",
] as const;
export type JointTableName = (typeof JOINT_TABLE_NAMES)[number];
export type JointTables = Record<JointTableName, Float64Array>;

export type ReferenceJointProblem = {
  shape: JointShape;
  config: JointConfig;
  batch: readonly JointExample[];
  negatives: Int32Array;
  logQ: Float32Array;
  labels: ItemLabels;
  /** m_i of this step (the id part on). */
  isIdOn: (item: number) => boolean;
  /** The item was trained with ids (L_item's targets). */
  usesId: (item: number) => boolean;
  /** Eo as L_item reads it: a constant copy (L_item's stop-gradient on Eo), so only z is differentiated there. */
  itemLossIds: Float64Array;
};

export type ReferenceJointLoss = { interaction: number; item: number; user: number; total: number };

export function referenceJointLoss(tables: JointTables, problem: ReferenceJointProblem): ReferenceJointLoss {
  const { shape, config, batch, negatives, logQ, labels } = problem;
  const d = config.dims;
  const D = shape.denseDims;
  const content = (item: number): Float64Array => {
    const vector = new Float64Array(d);
    if (!config.useContent) return vector;
    const { indptr, indices, values } = shape.itemFeatures;
    for (let p = indptr[item] as number; p < (indptr[item + 1] as number); p++) {
      const f = indices[p] as number;
      const x = values[p] as number;
      for (let k = 0; k < d; k++) vector[k] = (vector[k] as number) + x * (tables.featureVectors[f * d + k] as number);
    }
    for (let j = 0; j < D; j++) {
      const c = shape.dense[item * D + j] as number;
      for (let k = 0; k < d; k++) vector[k] = (vector[k] as number) + c * (tables.denseProjection[j * d + k] as number);
    }
    return vector;
  };
  const contentBias = (item: number): number => {
    if (!config.useContent) return 0;
    const { indptr, indices, values } = shape.itemFeatures;
    let bias = 0;
    for (let p = indptr[item] as number; p < (indptr[item + 1] as number); p++) {
      bias += (values[p] as number) * (tables.featureBias[indices[p] as number] as number);
    }
    return bias;
  };
  const itemSide = (item: number, ids: Float64Array): { vector: Float64Array; bias: number } => {
    const vector = content(item);
    let bias = contentBias(item);
    if (problem.isIdOn(item)) {
      for (let k = 0; k < d; k++) vector[k] = (vector[k] as number) + (ids[item * d + k] as number);
      bias += tables.itemBias[item] as number;
    }
    return { vector, bias };
  };
  /** r: the id parts of the history (ids on in this step) and the user's id. */
  const behaviourVector = (example: JointExample): Float64Array => {
    const r = new Float64Array(d);
    if (!config.useIds) return r;
    example.history.forEach((item, k) => {
      if (!problem.isIdOn(item)) return;
      const a = example.historyWeights[k] as number;
      for (let j = 0; j < d; j++) r[j] = (r[j] as number) + a * (tables.itemIn[item * d + j] as number);
    });
    for (let j = 0; j < d; j++) r[j] = (r[j] as number) + (tables.userIds[example.user * d + j] as number);
    return r;
  };
  const userVector = (example: JointExample): Float64Array => {
    const u = new Float64Array(d);
    example.history.forEach((item, k) => {
      const { vector } = itemSide(item, tables.itemIn);
      const a = example.historyWeights[k] as number;
      for (let j = 0; j < d; j++) u[j] = (u[j] as number) + a * (vector[j] as number);
    });
    if (config.useIds)
      for (let j = 0; j < d; j++) u[j] = (u[j] as number) + (tables.userIds[example.user * d + j] as number);
    if (config.useContent) {
      const { indptr, indices, values } = shape.userFeatures;
      for (let p = indptr[example.user] as number; p < (indptr[example.user + 1] as number); p++) {
        const g = indices[p] as number;
        const y = values[p] as number;
        for (let j = 0; j < d; j++) u[j] = (u[j] as number) + y * (tables.profileVectors[g * d + j] as number);
      }
    }
    return u;
  };
  const score = (u: Float64Array, item: number): number => {
    const { vector, bias } = itemSide(item, tables.itemOut);
    return dot(u, 0, vector, 0, d) + bias - (logQ[item] as number);
  };
  let interaction = 0;
  let totalWeight = 0;
  let user = 0;
  for (const example of batch) {
    const u = userVector(example);
    const logits = [score(u, example.target)];
    for (const item of negatives) {
      if (item !== example.target && !example.history.includes(item)) logits.push(score(u, item));
    }
    interaction += example.weight * (logSumExp(logits) - (logits[0] as number));
    totalWeight += example.weight;
    if (config.useIds) {
      const r = behaviourVector(example);
      const userHeads = [
        [tables.userCategoryHead, CATEGORIES.length, labels.category],
        [tables.userMetalHead, METALS.length, labels.metal],
        [tables.userPriceHead, PRICE_BANDS, labels.priceBand],
      ] as const;
      for (const [head, classes, classOf] of userHeads) {
        const label = classOf[example.target] as number;
        if (label >= 0) user += crossEntropy(head, classes, d, r, 0, label);
      }
    }
  }
  interaction /= totalWeight;
  user /= batch.length;
  let item = 0;
  if (config.itemLossWeight > 0 && config.useIds && config.useContent) {
    const targets = [...new Set(batch.map((example) => example.target))].filter(problem.usesId);
    const contents = targets.map(content);
    for (const target of targets) {
      const logits = contents.map((z) => dot(problem.itemLossIds, target * d, z, 0, d));
      item += logSumExp(logits) - (logits[targets.indexOf(target)] as number);
    }
    item /= Math.max(1, targets.length);
  }
  if (config.userLossWeight === 0) user = 0;
  return {
    interaction,
    item,
    user,
    total: interaction + config.itemLossWeight * item + config.userLossWeight * user,
  };
}

/** −log softmax(W·x + c)[label] for a head with rows of d weights then a bias. */
export function crossEntropy(
  head: Float64Array,
  classes: number,
  d: number,
  x: Float64Array,
  offset: number,
  label: number,
): number {
  const logits = Array.from(
    { length: classes },
    (_, c) => dot(head, c * (d + 1), x, offset, d) + (head[c * (d + 1) + d] as number),
  );
  return logSumExp(logits) - (logits[label] as number);
}

export function logSumExp(values: readonly number[]): number {
  const max = Math.max(...values);
  return max + Math.log(values.reduce((sum, value) => sum + Math.exp(value - max), 0));
}

function dot(a: Float64Array, aOffset: number, b: Float64Array, bOffset: number, d: number): number {
  let sum = 0;
  for (let k = 0; k < d; k++) sum += (a[aOffset + k] as number) * (b[bOffset + k] as number);
  return sum;
}

import { CATEGORIES, METALS } from "../../domain/vocabulary";
import { assertIndices, assertLength } from "../../linalg/assert-shape";
import type { JointForward } from "./joint-forward";
import { slotOfItem } from "./joint-forward";
import type { ItemLabels, JointExample, JointNetwork, StepLosses } from "./joint-network";
import { sampledSoftmax } from "./sampled-softmax";
import { accumulateHeadGradient, softmaxHead } from "./softmax-head";

const CATEGORY_CLASSES = CATEGORIES.length;
const METAL_CLASSES = METALS.length;

/**
 * The three loss terms of one mini-batch (docs/model.md, "Score and objective") and the gradients of
 * L = L_interaction + a·L_item + b·L_user with respect to what the forward pass produced and the heads' own tables.
 */
export type JointHeads = {
  /** The unweighted mean losses (the objective is interaction + a·item + b·user). */
  losses: StepLosses;
  /** ∂L/∂o_i and ∂L/∂β_i per slot (n × d, n): from L_interaction. */
  dItemVectors: Float32Array;
  dItemBias: Float32Array;
  /** ∂L/∂u_b per example (B × d): from L_interaction and b·L_user. */
  dUsers: Float32Array;
  /** ∂(a·L_item)/∂Eo_i for each distinct target whose id is used (L_item reads Eo directly, not o_i). */
  dItemOutFromItemLoss: Map<number, Float32Array>;
  /** ∂L/∂ of the head tables (classes × (d + 1)); null when the term is off. */
  dUserHead: Float32Array | null;
  dCategoryHead: Float32Array | null;
  dMetalHead: Float32Array | null;
};

/**
 * L_interaction: log-q corrected sampled softmax of each target against the shared negatives.
 * L_user: the target's category from u_b (mean over the batch). L_item: category and metal of each distinct target
 * item from its id embedding Eo_i (mean over those targets).
 */
export function computeJointHeads(
  network: JointNetwork,
  batch: readonly JointExample[],
  forward: JointForward,
  negatives: Int32Array,
  logQ: Float32Array,
  labels: ItemLabels,
): JointHeads {
  const { d, config, shape } = network;
  const B = batch.length;
  const n = forward.slots.items.length;
  assertLength("logQ", logQ, shape.items);
  assertLength("category labels", labels.category, shape.items);
  assertLength("metal labels", labels.metal, shape.items);
  assertIndices("negatives", negatives, shape.items);
  const dItemVectors = new Float32Array(n * d);
  const dItemBias = new Float32Array(n);
  const histories = batch.map((example) => new Set(example.history));
  const softmax = sampledSoftmax(
    {
      d,
      users: forward.users,
      itemVectors: forward.itemVectors,
      itemBias: forward.itemBias,
      targetSlots: Int32Array.from(batch, (example) => slotOfItem(forward.slots, example.target)),
      targetItems: Int32Array.from(batch, (example) => example.target),
      weights: Float32Array.from(batch, (example) => example.weight),
      isInHistory: (example, item) => histories[example]?.has(item) === true,
      negativeSlots: Int32Array.from(negatives, (item) => slotOfItem(forward.slots, item)),
      negativeItems: negatives,
      logQ,
    },
    network.multiply,
    dItemVectors,
    dItemBias,
  );
  const dUsers = softmax.dUsers;
  let userLoss = 0;
  let dUserHead: Float32Array | null = null;
  if (config.userLossWeight > 0) {
    const probs = new Float32Array(CATEGORY_CLASSES);
    dUserHead = new Float32Array(CATEGORY_CLASSES * (d + 1));
    const scale = config.userLossWeight / B;
    for (let b = 0; b < B; b++) {
      const label = labels.category[(batch[b] as JointExample).target] as number;
      if (label < 0) continue;
      userLoss += softmaxHead(network.userHead.weights, forward.users, b * d, d, CATEGORY_CLASSES, label, probs);
      const userHead = network.userHead.weights;
      accumulateHeadGradient(userHead, forward.users, b * d, d, probs, label, scale, dUserHead, dUsers, b * d);
    }
    userLoss /= B;
  }
  let itemLoss = 0;
  const dItemOutFromItemLoss = new Map<number, Float32Array>();
  let dCategoryHead: Float32Array | null = null;
  let dMetalHead: Float32Array | null = null;
  if (config.itemLossWeight > 0 && config.useIds) {
    const targets = [...new Set(batch.map((example) => example.target))].filter((item) => network.usesId(item));
    const probsC = new Float32Array(CATEGORY_CLASSES);
    const probsM = new Float32Array(METAL_CLASSES);
    dCategoryHead = new Float32Array(CATEGORY_CLASSES * (d + 1));
    dMetalHead = new Float32Array(METAL_CLASSES * (d + 1));
    const scale = config.itemLossWeight / Math.max(1, targets.length);
    const Eo = network.itemOut.weights;
    const categoryHead = network.categoryHead.weights;
    const metalHead = network.metalHead.weights;
    for (const item of targets) {
      const dEo = new Float32Array(d);
      const category = labels.category[item] as number;
      const metal = labels.metal[item] as number;
      if (category >= 0) {
        itemLoss += softmaxHead(categoryHead, Eo, item * d, d, CATEGORY_CLASSES, category, probsC);
        accumulateHeadGradient(categoryHead, Eo, item * d, d, probsC, category, scale, dCategoryHead, dEo, 0);
      }
      if (metal >= 0) {
        itemLoss += softmaxHead(metalHead, Eo, item * d, d, METAL_CLASSES, metal, probsM);
        accumulateHeadGradient(metalHead, Eo, item * d, d, probsM, metal, scale, dMetalHead, dEo, 0);
      }
      dItemOutFromItemLoss.set(item, dEo);
    }
    itemLoss /= Math.max(1, targets.length);
  }
  return {
    losses: { interaction: softmax.loss, item: itemLoss, user: userLoss },
    dItemVectors,
    dItemBias,
    dUsers,
    dItemOutFromItemLoss,
    dUserHead,
    dCategoryHead,
    dMetalHead,
  };
}

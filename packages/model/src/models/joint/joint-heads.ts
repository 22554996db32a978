import { CATEGORIES, METALS } from "../../domain/vocabulary";
import { assertIndices, assertLength } from "../../linalg/assert-shape";
import { transpose } from "../../linalg/transpose";
import type { JointForward } from "./joint-forward";
import { slotOfItem } from "./joint-forward";
import { type ItemLabels, type JointExample, type JointNetwork, PRICE_BANDS, type StepLosses } from "./joint-network";
import { sampledSoftmax } from "./sampled-softmax";
import { accumulateHeadGradient, softmaxHead } from "./softmax-head";

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
  /** ∂L/∂u_b per example (B × d): from L_interaction. */
  dUsers: Float32Array;
  /** ∂(b·L_user)/∂r_b per example (B × d), r_b the behaviour part of u_b; null when the term is off. */
  dBehaviourUsers: Float32Array | null;
  /** ∂(a·L_item)/∂z_i per slot (n × d); null when the term is off. */
  dContentVectors: Float32Array | null;
  /** ∂(b·L_user)/∂ of L_user's head tables (classes × (d + 1)); null when the term is off. */
  dUserCategoryHead: Float32Array | null;
  dUserMetalHead: Float32Array | null;
  dUserPriceHead: Float32Array | null;
};

/**
 * L_interaction: log-q corrected sampled softmax of each target against the shared negatives.
 * L_user: the target's category, metal and price band from r_b (the behaviour part of u_b: history id embeddings and
 * the user's id, none of which sees content), summed over the three heads, mean over the batch.
 * L_item: for the distinct targets i whose id is used, a softmax over the batch's targets j of Eo_i·z_j with label
 * j = i (content and behaviour vectors of one item agree, and differ from other items'), mean over those targets.
 * Eo is a constant in L_item (stop-gradient): only the content side z learns from it, so content moves towards what
 * buyers taught while the behaviour embeddings keep fitting purchases alone.
 */
export function computeJointHeads(
  network: JointNetwork,
  batch: readonly JointExample[],
  forward: JointForward,
  negatives: Int32Array,
  logQ: Float32Array,
  labels: ItemLabels,
): JointHeads {
  const { d, shape } = network;
  const n = forward.slots.items.length;
  assertLength("logQ", logQ, shape.items);
  assertLength("category labels", labels.category, shape.items);
  assertLength("metal labels", labels.metal, shape.items);
  assertLength("price band labels", labels.priceBand, shape.items);
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
  const user = userLoss(network, batch, forward, labels);
  const item = itemLoss(network, batch, forward);
  return {
    losses: { interaction: softmax.loss, item: item.loss, user: user.loss },
    dItemVectors,
    dItemBias,
    dUsers: softmax.dUsers,
    dBehaviourUsers: user.dBehaviourUsers,
    dContentVectors: item.dContentVectors,
    dUserCategoryHead: user.dHeads?.[0] ?? null,
    dUserMetalHead: user.dHeads?.[1] ?? null,
    dUserPriceHead: user.dHeads?.[2] ?? null,
  };
}

/** L_user and its gradients: off without ids (r_b would be zero) or with weight 0. */
function userLoss(network: JointNetwork, batch: readonly JointExample[], forward: JointForward, labels: ItemLabels) {
  const { d, config } = network;
  if (config.userLossWeight === 0 || !config.useIds) return { loss: 0, dBehaviourUsers: null, dHeads: null };
  const B = batch.length;
  const heads = [
    { table: network.userCategoryHead.weights, classes: CATEGORIES.length, labels: labels.category },
    { table: network.userMetalHead.weights, classes: METALS.length, labels: labels.metal },
    { table: network.userPriceHead.weights, classes: PRICE_BANDS, labels: labels.priceBand },
  ];
  const dHeads = heads.map((head) => new Float32Array(head.classes * (d + 1)));
  const dBehaviourUsers = new Float32Array(B * d);
  const scale = config.userLossWeight / B;
  let loss = 0;
  heads.forEach((head, h) => {
    const probs = new Float32Array(head.classes);
    for (let b = 0; b < B; b++) {
      const label = head.labels[(batch[b] as JointExample).target] as number;
      if (label < 0) continue;
      const r = forward.behaviourUsers;
      loss += softmaxHead(head.table, r, b * d, d, head.classes, label, probs);
      accumulateHeadGradient(
        head.table,
        r,
        b * d,
        d,
        probs,
        label,
        scale,
        dHeads[h] as Float32Array,
        dBehaviourUsers,
        b * d,
      );
    }
  });
  return { loss: loss / B, dBehaviourUsers, dHeads };
}

/**
 * L_item and its gradients: an in-batch contrastive alignment of id and content vectors. Off without ids or content
 * (one side would be missing) or with weight 0.
 */
function itemLoss(network: JointNetwork, batch: readonly JointExample[], forward: JointForward) {
  const { d, config } = network;
  if (config.itemLossWeight === 0 || !config.useIds || !config.useContent) return { loss: 0, dContentVectors: null };
  const targets = [...new Set(batch.map((example) => example.target))].filter((item) => network.usesId(item));
  const m = targets.length;
  const dContentVectors = new Float32Array(forward.slots.items.length * d);
  if (m === 0) return { loss: 0, dContentVectors };
  const slots = targets.map((item) => slotOfItem(forward.slots, item));
  const ids = new Float32Array(m * d);
  const contents = new Float32Array(m * d);
  const Eo = network.itemOut.weights;
  targets.forEach((item, i) => {
    ids.set(Eo.subarray(item * d, item * d + d), i * d);
    const s = slots[i] as number;
    contents.set(forward.contentVectors.subarray(s * d, s * d + d), i * d);
  });
  // G[i][j] = (softmax_j(Eo_i·z_j) − δ_ij)·a/m, the gradient of a·L_item with respect to the logit Eo_i·z_j.
  const grads = network.multiply(ids, m, contents, m, d).slice();
  const scale = config.itemLossWeight / m;
  let loss = 0;
  for (let i = 0; i < m; i++) {
    const row = i * m;
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < m; j++) max = Math.max(max, grads[row + j] as number);
    let sum = 0;
    for (let j = 0; j < m; j++) {
      const e = Math.exp((grads[row + j] as number) - max);
      grads[row + j] = e;
      sum += e;
    }
    loss -= Math.log(Math.max((grads[row + i] as number) / sum, 1e-30));
    for (let j = 0; j < m; j++) grads[row + j] = scale * ((grads[row + j] as number) / sum - (i === j ? 1 : 0));
  }
  // ∂Z = Gᵀ·Eo, as a product with the transposed right factor.
  const dContents = network.multiply(transpose(grads, m, m), m, transpose(ids, m, d), d, m);
  slots.forEach((s, i) => {
    for (let k = 0; k < d; k++) {
      dContentVectors[s * d + k] = (dContentVectors[s * d + k] as number) + (dContents[i * d + k] as number);
    }
  });
  return { loss: loss / m, dContentVectors };
}

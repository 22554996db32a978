import { assertIndices, assertLength } from "../../linalg/assert-shape";
import { transpose } from "../../linalg/transpose";
import type { Rng } from "../../random/create-rng";
import type { JointExample, JointNetwork } from "./joint-network";

/** The items a mini-batch touches (targets, history items, negatives), each once, in first-seen order. */
export type JointSlots = { slotOf: ReadonlyMap<number, number>; items: readonly number[] };

/**
 * The forward pass of one mini-batch (docs/model.md, "Item tower" and "User tower"), everything the heads and the
 * backward pass read: per slot s (item i) o_i, h_i, β_i; per example b the user vector u_b.
 */
export type JointForward = {
  slots: JointSlots;
  /** m_i per slot: 1 when the id part is on in this step. */
  keepId: Uint8Array;
  /** o_i = m_i·Eo_i + z_i per slot (n × d). */
  itemVectors: Float32Array;
  /** h_i = m_i·Ei_i + z_i per slot (n × d). */
  inputVectors: Float32Array;
  /** β_i = m_i·b_i + Σ_f x_if·v_f per slot (n). */
  itemBias: Float32Array;
  /** z_i = Σ_f x_if·W_f + Tᵀ·c_i per slot (n × d): the content vector, which L_item aligns with Eo_i. */
  contentVectors: Float32Array;
  /** The slots' dense rows C_B (n × D), kept for ∂T = C_Bᵀ·∂Z; null without the dense path. */
  denseRows: Float32Array | null;
  /** u_b = Σ_k α_k·h_k + Eu_user + Σ_g y_g·P_g per example (B × d). */
  users: Float32Array;
  /** r_b = Σ_k α_k·m_k·Ei_k + Eu_user per example (B × d): the behaviour part of u_b, which L_user reads. */
  behaviourUsers: Float32Array;
};

export function collectSlots(batch: readonly JointExample[], negatives: Int32Array): JointSlots {
  const slotOf = new Map<number, number>();
  const items: number[] = [];
  const add = (item: number): void => {
    if (slotOf.has(item)) return;
    slotOf.set(item, items.length);
    items.push(item);
  };
  for (const example of batch) {
    add(example.target);
    for (const item of example.history) add(item);
  }
  for (const item of negatives) add(item);
  return { slotOf, items };
}

/** The slot of an item the batch touches (every caller passes one of the batch's own items). */
export function slotOfItem(slots: JointSlots, item: number): number {
  const slot = slots.slotOf.get(item);
  if (slot === undefined) throw new Error(`Item ${item} is not one of the mini-batch's slots.`);
  return slot;
}

/** m_i per slot for one step: on for items trained with ids, off at random with probability idDropout. */
export function drawIdMask(network: JointNetwork, slots: JointSlots, rng: Rng): Uint8Array {
  const keepId = new Uint8Array(slots.items.length);
  slots.items.forEach((item, s) => {
    keepId[s] = network.usesId(item) && rng.next() >= network.config.idDropout ? 1 : 0;
  });
  return keepId;
}

export function forwardJoint(
  network: JointNetwork,
  batch: readonly JointExample[],
  slots: JointSlots,
  keepId: Uint8Array,
): JointForward {
  const { d, config, shape } = network;
  const n = slots.items.length;
  assertLength("keepId", keepId, n);
  assertIndices("slot items", slots.items, shape.items);
  for (const example of batch) {
    assertIndices("example user", [example.user], shape.users);
    assertLength("example historyWeights", example.historyWeights, example.history.length);
  }
  const z = new Float32Array(n * d);
  const contentBias = new Float32Array(n);
  const itemVectors = new Float32Array(n * d);
  const inputVectors = new Float32Array(n * d);
  const itemBias = new Float32Array(n);
  const Eo = network.itemOut.weights;
  const Ei = network.itemIn.weights;
  const b = network.itemBias.weights;
  // Dense part of the content: Z += C·T for the slots' dense rows C.
  const denseRows = network.hasDense ? gatherDense(network, slots.items) : null;
  const denseZ =
    denseRows === null
      ? null
      : network.multiply(
          denseRows,
          n,
          transpose(network.denseProjection.weights, shape.denseDims, d),
          d,
          shape.denseDims,
        );
  for (let s = 0; s < n; s++) {
    const item = slots.items[s] as number;
    const kept = keepId[s] === 1;
    contentBias[s] = network.contentVector(item, z, s * d);
    if (denseZ !== null)
      for (let k = 0; k < d; k++) z[s * d + k] = (z[s * d + k] as number) + (denseZ[s * d + k] as number);
    itemBias[s] = (contentBias[s] as number) + (kept ? (b[item] as number) : 0);
    for (let k = 0; k < d; k++) {
      const zk = z[s * d + k] as number;
      itemVectors[s * d + k] = zk + (kept ? (Eo[item * d + k] as number) : 0);
      inputVectors[s * d + k] = zk + (kept ? (Ei[item * d + k] as number) : 0);
    }
  }
  const users = new Float32Array(batch.length * d);
  const behaviourUsers = new Float32Array(batch.length * d);
  const profiles = shape.userFeatures;
  const Eu = network.userIds.weights;
  const P = network.profileVectors.weights;
  batch.forEach((example, row) => {
    const u = users.subarray(row * d, row * d + d);
    const r = behaviourUsers.subarray(row * d, row * d + d);
    for (let k = 0; k < example.history.length; k++) {
      const item = example.history[k] as number;
      const s = slotOfItem(slots, item);
      const a = example.historyWeights[k] as number;
      for (let j = 0; j < d; j++) u[j] = (u[j] as number) + a * (inputVectors[s * d + j] as number);
      if (keepId[s] === 1) for (let j = 0; j < d; j++) r[j] = (r[j] as number) + a * (Ei[item * d + j] as number);
    }
    if (config.useIds) {
      for (let j = 0; j < d; j++) {
        const e = Eu[example.user * d + j] as number;
        u[j] = (u[j] as number) + e;
        r[j] = (r[j] as number) + e;
      }
    }
    if (config.useContent) {
      for (let p = profiles.indptr[example.user] as number; p < (profiles.indptr[example.user + 1] as number); p++) {
        const g = profiles.indices[p] as number;
        const y = profiles.values[p] as number;
        for (let j = 0; j < d; j++) u[j] = (u[j] as number) + y * (P[g * d + j] as number);
      }
    }
  });
  return { slots, keepId, itemVectors, inputVectors, itemBias, contentVectors: z, denseRows, users, behaviourUsers };
}

/** The dense rows c_i of the given items (count × D). */
function gatherDense(network: JointNetwork, items: readonly number[]): Float32Array {
  const D = network.shape.denseDims;
  const { dense } = network.shape;
  const rows = new Float32Array(items.length * D);
  items.forEach((item, r) => {
    rows.set(dense.subarray(item * D, item * D + D), r * D);
  });
  return rows;
}

import { transpose } from "../../linalg/transpose";
import type { JointForward } from "./joint-forward";
import { slotOfItem } from "./joint-forward";
import type { JointHeads } from "./joint-heads";
import type { JointExample, JointNetwork } from "./joint-network";

/**
 * ∂L/∂ of every parameter table for one mini-batch, L = L_interaction + a·L_item + b·L_user (no L2: the optimiser
 * adds it). Sparse tables list only the rows the step touches; those rows, and only those, get an Adagrad step.
 */
export type JointGradients = {
  itemOut: Map<number, Float32Array>;
  itemIn: Map<number, Float32Array>;
  itemBias: Map<number, number>;
  featureVectors: Map<number, Float32Array>;
  featureBias: Map<number, number>;
  userIds: Map<number, Float32Array>;
  profileVectors: Map<number, Float32Array>;
  /** ∂L/∂T (D × d), every row; null without the dense path. */
  denseProjection: Float32Array | null;
  userCategoryHead: Float32Array | null;
  userMetalHead: Float32Array | null;
  userPriceHead: Float32Array | null;
};

/**
 * Back from the heads' gradients through the user tower (∂h of history items, ∂Eu, ∂P; L_user's ∂r to ∂Ei of the
 * history items whose id is on and to ∂Eu) and the item tower (∂Eo, ∂Ei, ∂b of slots whose id is on; ∂W, ∂v of
 * their tokens; ∂T = C_Bᵀ·∂Z with ∂Z = ∂o + ∂h + L_item's ∂z).
 */
export function backwardJoint(
  network: JointNetwork,
  batch: readonly JointExample[],
  forward: JointForward,
  heads: JointHeads,
): JointGradients {
  const { d, config, shape } = network;
  const { slots, keepId } = forward;
  const n = slots.items.length;
  const { dItemVectors: dOut, dItemBias: dBias, dUsers, dBehaviourUsers, dContentVectors } = heads;
  const dInp = new Float32Array(n * d);
  /** L_user's gradient on the id part of h only (r_b reads Ei, not z). */
  const dInpIds = new Float32Array(n * d);
  const userIds = new Map<number, Float32Array>();
  const profileVectors = new Map<number, Float32Array>();
  const profiles = shape.userFeatures;
  batch.forEach((example, b) => {
    const du = dUsers.subarray(b * d, b * d + d);
    const dr = dBehaviourUsers?.subarray(b * d, b * d + d);
    for (let k = 0; k < example.history.length; k++) {
      const s = slotOfItem(slots, example.history[k] as number);
      const a = example.historyWeights[k] as number;
      for (let j = 0; j < d; j++) dInp[s * d + j] = (dInp[s * d + j] as number) + a * (du[j] as number);
      if (dr !== undefined && keepId[s] === 1) {
        for (let j = 0; j < d; j++) dInpIds[s * d + j] = (dInpIds[s * d + j] as number) + a * (dr[j] as number);
      }
    }
    if (config.useIds) {
      addInto(userIds, example.user, du, 1, d);
      if (dr !== undefined) addInto(userIds, example.user, dr, 1, d);
    }
    if (config.useContent) {
      for (let p = profiles.indptr[example.user] as number; p < (profiles.indptr[example.user + 1] as number); p++) {
        addInto(profileVectors, profiles.indices[p] as number, du, profiles.values[p] as number, d);
      }
    }
  });
  const itemOut = new Map<number, Float32Array>();
  const itemIn = new Map<number, Float32Array>();
  const itemBias = new Map<number, number>();
  const featureVectors = new Map<number, Float32Array>();
  const featureBias = new Map<number, number>();
  const dz = new Float32Array(d);
  const { indptr, indices, values } = shape.itemFeatures;
  for (let s = 0; s < n; s++) {
    const item = slots.items[s] as number;
    let touched = false;
    for (let k = 0; k < d; k++) {
      const a = dOut[s * d + k] as number;
      const c = dInp[s * d + k] as number;
      const e = dContentVectors === null ? 0 : (dContentVectors[s * d + k] as number);
      dz[k] = a + c + e;
      if (a !== 0 || c !== 0 || e !== 0 || dInpIds[s * d + k] !== 0) touched = true;
    }
    const db = dBias[s] as number;
    // An untouched row gets no step at all (not even the L2 decay).
    if (!touched && db === 0) continue;
    if (keepId[s] === 1) {
      itemOut.set(item, dOut.slice(s * d, s * d + d));
      const dEi = dInp.slice(s * d, s * d + d);
      for (let k = 0; k < d; k++) dEi[k] = (dEi[k] as number) + (dInpIds[s * d + k] as number);
      itemIn.set(item, dEi);
      itemBias.set(item, db);
    }
    if (!config.useContent) continue;
    for (let p = indptr[item] as number, end = indptr[item + 1] as number; p < end; p++) {
      const f = indices[p] as number;
      const x = values[p] as number;
      addInto(featureVectors, f, dz, x, d);
      featureBias.set(f, (featureBias.get(f) ?? 0) + x * db);
    }
  }
  let denseProjection: Float32Array | null = null;
  if (forward.denseRows !== null) {
    const D = shape.denseDims;
    const dZt = new Float32Array(d * n);
    for (let s = 0; s < n; s++) {
      for (let k = 0; k < d; k++) {
        const e = dContentVectors === null ? 0 : (dContentVectors[s * d + k] as number);
        dZt[k * n + s] = (dOut[s * d + k] as number) + (dInp[s * d + k] as number) + e;
      }
    }
    denseProjection = network.multiply(transpose(forward.denseRows, n, D), D, dZt, d, n);
  }
  return {
    itemOut,
    itemIn,
    itemBias,
    featureVectors,
    featureBias,
    userIds,
    profileVectors,
    denseProjection,
    userCategoryHead: heads.dUserCategoryHead,
    userMetalHead: heads.dUserMetalHead,
    userPriceHead: heads.dUserPriceHead,
  };
}

/** target[row] += scale·grad (a d-wide row, created at zero on first use). */
function addInto(target: Map<number, Float32Array>, row: number, grad: ArrayLike<number>, scale: number, d: number) {
  let acc = target.get(row);
  if (acc === undefined) {
    acc = new Float32Array(d);
    target.set(row, acc);
  }
  for (let k = 0; k < d; k++) acc[k] = (acc[k] as number) + scale * (grad[k] as number);
}

import type { InteractionDataset } from "../../data/interaction-dataset";
import { comparePurchaseOrder } from "../../data/purchase-order";

/** Each user's items, most recent first (the reverse of the protocol's purchase order), with their event weights. CSR by user. */
export type UserHistories = { indptr: Int32Array; items: Int32Array; weights: Float32Array };

/**
 * Orders every user's training items by time, newest first. Equal timestamps (items of one order) are ordered by the
 * leave-last-out split's own tie rule (`comparePurchaseOrder`, reversed), so the model's "latest" is the protocol's.
 */
export function buildUserHistories(dataset: InteractionDataset): UserHistories {
  const { matrix, timestamps, items } = dataset;
  const indptr = new Int32Array(matrix.rows + 1);
  const out = new Int32Array(matrix.indices.length);
  const weights = new Float32Array(matrix.indices.length);
  for (let user = 0; user < matrix.rows; user++) {
    const start = matrix.indptr[user] ?? 0;
    const end = matrix.indptr[user + 1] ?? 0;
    const userId = dataset.users.idAt(user);
    const purchases = Array.from({ length: end - start }, (_, k) => ({
      entry: start + k,
      userId,
      itemId: items.idAt(matrix.indices[start + k] ?? 0),
      timestamp: timestamps[start + k] ?? 0,
    }));
    purchases.sort((a, b) => comparePurchaseOrder(b, a));
    purchases.forEach(({ entry }, k) => {
      out[start + k] = matrix.indices[entry] ?? 0;
      weights[start + k] = matrix.data[entry] ?? 0;
    });
    indptr[user + 1] = end;
  }
  return { indptr, items: out, weights };
}

/** α_k ∝ w_k · decay^k (k = 0 the most recent), normalised to sum to 1. */
export function historyWeights(eventWeights: Float32Array, decay: number): Float32Array {
  const out = new Float32Array(eventWeights.length);
  let total = 0;
  let factor = 1;
  for (let k = 0; k < eventWeights.length; k++) {
    const value = (eventWeights[k] ?? 0) * factor;
    out[k] = value;
    total += value;
    factor *= decay;
  }
  if (total > 0) for (let k = 0; k < out.length; k++) out[k] = (out[k] ?? 0) / total;
  return out;
}

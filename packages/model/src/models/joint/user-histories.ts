import type { InteractionDataset } from "../../data/interaction-dataset";

/** Each user's items, most recent first (ties: higher item id first), with their event weights. CSR by user. */
export type UserHistories = { indptr: Int32Array; items: Int32Array; weights: Float32Array };

/**
 * Orders every user's training items by time, newest first. Equal timestamps (items of one order) are ordered by item
 * id, the same tie-break as the leave-last-out split, so the model's notion of "latest" matches the protocol's.
 */
export function buildUserHistories(dataset: InteractionDataset): UserHistories {
  const { matrix, timestamps, items } = dataset;
  const indptr = new Int32Array(matrix.rows + 1);
  const out = new Int32Array(matrix.indices.length);
  const weights = new Float32Array(matrix.indices.length);
  for (let user = 0; user < matrix.rows; user++) {
    const start = matrix.indptr[user] ?? 0;
    const end = matrix.indptr[user + 1] ?? 0;
    const entries = Array.from({ length: end - start }, (_, k) => start + k);
    entries.sort((a, b) => {
      const dt = (timestamps[b] ?? 0) - (timestamps[a] ?? 0);
      if (dt !== 0) return dt;
      const ia = items.idAt(matrix.indices[a] ?? 0);
      const ib = items.idAt(matrix.indices[b] ?? 0);
      return ia < ib ? 1 : ia > ib ? -1 : 0;
    });
    entries.forEach((entry, k) => {
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

import type { InteractionDataset } from "../../data/interaction-dataset";
import { comparePurchaseOrder } from "../../data/purchase-order";
import { assertIndices, assertLength } from "../../linalg/assert-shape";
import { type ModelArtifact, readArtifactArray } from "../../serialization/model-artifact";

/**
 * Each user's items, most recent first (the reverse of the protocol's purchase order), with their event weights and
 * baskets, CSR by user. `baskets[p]` is the entry's basket rank within its user: 0 for the items of the latest
 * timestamp, 1 for the timestamp before, … Items bought at the same time are one basket: their order inside it is
 * the split's tie rule, which carries no meaning, so nothing may read it as a sequence.
 */
export type UserHistories = { indptr: Int32Array; items: Int32Array; weights: Float32Array; baskets: Int32Array };

/** A model that has not been fitted (or loaded) yet: no users, no history entries. */
export function emptyUserHistories(): UserHistories {
  return {
    indptr: new Int32Array(1),
    items: new Int32Array(0),
    weights: new Float32Array(0),
    baskets: new Int32Array(0),
  };
}

/** Orders every user's training items by time, newest first (ties by the split's own rule, reversed), into baskets. */
export function buildUserHistories(dataset: InteractionDataset): UserHistories {
  const { matrix, timestamps, items } = dataset;
  assertLength("matrix indptr", matrix.indptr, matrix.rows + 1);
  assertLength("matrix data", matrix.data, matrix.indices.length);
  assertLength("timestamps", timestamps, matrix.indices.length);
  const indptr = new Int32Array(matrix.rows + 1);
  const out = new Int32Array(matrix.indices.length);
  const weights = new Float32Array(matrix.indices.length);
  const baskets = new Int32Array(matrix.indices.length);
  for (let user = 0; user < matrix.rows; user++) {
    const start = matrix.indptr[user] as number;
    const end = matrix.indptr[user + 1] as number;
    const userId = dataset.users.idAt(user);
    const purchases = Array.from({ length: end - start }, (_, k) => ({
      entry: start + k,
      userId,
      itemId: items.idAt(matrix.indices[start + k] as number),
      timestamp: timestamps[start + k] as number,
    }));
    purchases.sort((a, b) => comparePurchaseOrder(b, a));
    let basket = 0;
    purchases.forEach(({ entry, timestamp }, k) => {
      if (k > 0 && timestamp !== purchases[k - 1]?.timestamp) basket++;
      out[start + k] = matrix.indices[entry] as number;
      weights[start + k] = matrix.data[entry] as number;
      baskets[start + k] = basket;
    });
    indptr[user + 1] = end;
  }
  return { indptr, items: out, weights, baskets };
}

/**
 * The histories of a model stored before baskets existed: every item its own basket, so the weights are exactly
 * what that model was trained with.
 */
export function basketsOnePerItem(indptr: Int32Array, entries: number): Int32Array {
  const baskets = new Int32Array(entries);
  for (let user = 0; user + 1 < indptr.length; user++) {
    const start = indptr[user] as number;
    for (let p = start; p < (indptr[user + 1] as number); p++) baskets[p] = p - start;
  }
  return baskets;
}

/** What a training example sees of its own basket: its partners (bought at the same time) or only older baskets. */
export type BasketContext = "partners" | "none";

/**
 * The history entries of the training target at entry `target` of a user whose entries are [start, end), most recent
 * first: with "partners" the other items of its own basket, then the older baskets; with "none" only the older
 * baskets. Never the target itself; at most `maxHistory` entries.
 */
export function exampleHistoryEntries(
  histories: UserHistories,
  span: { target: number; start: number; end: number },
  options: { basketContext: BasketContext; maxHistory: number },
): number[] {
  const { target, start, end } = span;
  const basket = histories.baskets[target] as number;
  let from = target;
  if (options.basketContext === "partners") {
    while (from > start && histories.baskets[from - 1] === basket) from--;
  } else {
    from = olderBasketStart(histories, target, end);
  }
  const entries: number[] = [];
  for (let q = from; q < end && entries.length < options.maxHistory; q++) if (q !== target) entries.push(q);
  return entries;
}

/**
 * Where the history of the target at entry `p` starts: the first entry of an older basket (`end` when none). A
 * target's history is everything bought strictly before it, never an item of its own basket.
 */
export function olderBasketStart(histories: UserHistories, p: number, end: number): number {
  const basket = histories.baskets[p] as number;
  let q = p + 1;
  while (q < end && histories.baskets[q] === basket) q++;
  return q;
}

/**
 * α_k ∝ w_k · decay^(r_k − r_0), normalised to sum to 1, where r_k is item k's basket rank (`recency`, ascending from
 * the most recent): the items of one basket share a recency weight.
 */
export function historyWeights(eventWeights: Float32Array, recency: Int32Array, decay: number): Float32Array {
  assertLength("history recency", recency, eventWeights.length);
  const out = new Float32Array(eventWeights.length);
  const newest = eventWeights.length === 0 ? 0 : (recency[0] as number);
  let total = 0;
  for (let k = 0; k < eventWeights.length; k++) {
    const value = (eventWeights[k] as number) * decay ** ((recency[k] as number) - newest);
    out[k] = value;
    total += value;
  }
  if (total > 0) for (let k = 0; k < out.length; k++) out[k] = (out[k] as number) / total;
  return out;
}

/**
 * A stored model's histories (`historyIndptr`, `historyItems`, `historyWeights`, `historyBaskets`), checked against its
 * users and items once at load so scoring can read them without fallbacks; errors name `model`'s array.
 */
export function readStoredHistories(
  artifact: ModelArtifact,
  model: string,
  counts: { users: number; items: number },
): UserHistories {
  const histories = {
    indptr: readArtifactArray(artifact, "historyIndptr", Int32Array),
    items: readArtifactArray(artifact, "historyItems", Int32Array),
    weights: readArtifactArray(artifact, "historyWeights", Float32Array),
    baskets: readArtifactArray(artifact, "historyBaskets", Int32Array),
  };
  assertLength(`${model} historyIndptr`, histories.indptr, counts.users + 1);
  assertLength(`${model} historyItems`, histories.items, histories.indptr[counts.users] as number);
  assertLength(`${model} historyWeights`, histories.weights, histories.items.length);
  assertLength(`${model} historyBaskets`, histories.baskets, histories.items.length);
  assertIndices(`${model} historyItems`, histories.items, counts.items);
  return histories;
}

import type { CsrMatrix } from "../../data/csr-matrix";
import { assertIndices, assertLength } from "../../linalg/assert-shape";
import { selectLargest } from "../../linalg/select-largest";
import type { FitOptions } from "../../recommender";
import { fitEaseWeights } from "../ease";
import type { JointConfig } from "./joint-config";
import type { ColdNeighbours } from "./joint-network";

/**
 * The joint model's item–item term (docs/model.md "Item–item term"): EASE's closed-form weights B, each row h (a
 * history item) cut to its `neighbours` weights of largest magnitude and stored as CSR over all catalog items, so an
 * artifact holds n·k entries instead of m² and scoring a history costs Σ_h k instead of Σ_h m.
 */
export type ItemItemTerm = { indptr: Int32Array; indices: Int32Array; values: Float32Array };

/** What the term is fitted from: the training matrix (users × catalog items) and the catalog's size. */
export type ItemItemTermData = { matrix: CsrMatrix; items: { size: number } };

/**
 * Fits the term for a training set. `fitItemItemTerm` does it in this thread; a host with a spare core can inject one
 * that runs it elsewhere (`JointRecommender.withItemItemTermFitter`), so that the m³ inverse overlaps the towers'
 * epochs instead of following them. It must give what `fitItemItemTerm` gives.
 */
export type ItemItemTermFitter = (
  data: ItemItemTermData,
  config: JointConfig,
  onProgress?: FitOptions["onProgress"],
) => Promise<ItemItemTerm>;

export function emptyItemItemTerm(items: number): ItemItemTerm {
  return { indptr: new Int32Array(items + 1), indices: new Int32Array(0), values: new Float32Array(0) };
}

/**
 * The item–item term for a training set: EASE's B over the sold items, sparsified. Empty (and said in the progress)
 * when its weight is 0, ids are off, or the sold items exceed itemItemMaxItems — the m² inverse's memory and m³ time.
 */
export const fitItemItemTerm: ItemItemTermFitter = async (dataset, config, onProgress) => {
  const items = dataset.items.size;
  if (config.itemItemWeight === 0 || !config.useIds) return emptyItemItemTerm(items);
  const buyers = new Float32Array(items);
  for (const item of dataset.matrix.indices) buyers[item] = (buyers[item] as number) + 1;
  const sold = buyers.reduce((count, users) => count + (users > 0 ? 1 : 0), 0);
  if (sold > config.itemItemMaxItems) {
    onProgress?.({ stage: `item-item term skipped: ${sold} sold items > ${config.itemItemMaxItems}`, fraction: 1 });
    return emptyItemItemTerm(items);
  }
  const { modelItems, weights } = await fitEaseWeights(
    dataset,
    buyers,
    { lambda: config.itemItemLambda, minItemUsers: 1, values: "binary", matrixBackend: "auto" },
    (progress) => onProgress?.({ ...progress, stage: "item-item term" }),
  );
  return sparsifyItemItem(modelItems, weights, items, config.itemItemNeighbours);
};

/** Keeps each modelled item's `neighbours` B entries of largest magnitude, mapped to catalog indices. */
export function sparsifyItemItem(
  modelItems: Int32Array,
  weights: Float32Array,
  items: number,
  neighbours: number,
): ItemItemTerm {
  const m = modelItems.length;
  assertLength("EASE weights", weights, m * m);
  assertIndices("EASE modelItems", modelItems, items);
  const rows: { indices: number[]; values: number[] }[] = Array.from({ length: items }, () => ({
    indices: [],
    values: [],
  }));
  for (let position = 0; position < m; position++) {
    const row = weights.subarray(position * m, position * m + m);
    const target = rows[modelItems[position] as number] as { indices: number[]; values: number[] };
    for (const j of selectLargest(row, neighbours, Math.abs)) {
      if ((row[j] as number) === 0) continue;
      target.indices.push(modelItems[j] as number);
      target.values.push(row[j] as number);
    }
  }
  const indptr = new Int32Array(items + 1);
  rows.forEach((row, item) => {
    indptr[item + 1] = (indptr[item] as number) + row.indices.length;
  });
  const indices = new Int32Array(indptr[items] as number);
  const values = new Float32Array(indices.length);
  rows.forEach((row, item) => {
    indices.set(row.indices, indptr[item] as number);
    values.set(row.values, indptr[item] as number);
  });
  return { indptr, indices, values };
}

/** The term's rows agree with the catalog (checked once at fit or load, so scoring reads without checks). */
export function assertItemItemTerm(term: ItemItemTerm, items: number): void {
  assertLength("item-item indptr", term.indptr, items + 1);
  assertLength("item-item indices", term.indices, term.indptr[items] as number);
  assertLength("item-item values", term.values, term.indices.length);
  assertIndices("item-item indices", term.indices, items);
}

/** out[j] += scale · Σ_k x_k · B[history_k, j] over the kept entries. */
export function addItemItemScores(
  term: ItemItemTerm,
  history: readonly number[],
  x: ArrayLike<number>,
  scale: number,
  out: Float32Array,
): void {
  assertLength("item-item history weights", x, history.length);
  const { indptr, indices, values } = term;
  for (let k = 0; k < history.length; k++) {
    const item = history[k] as number;
    const weight = scale * (x[k] as number);
    for (let p = indptr[item] as number, end = indptr[item + 1] as number; p < end; p++) {
      const j = indices[p] as number;
      out[j] = (out[j] as number) + weight * (values[p] as number);
    }
  }
}

/**
 * scores[j] += Σ_k p_k · scores[t_k] for every unsold item j over its bought neighbours t_k: an item nobody bought
 * has no row or column in B, so without this the term lifts every sold item and never an unsold one.
 */
export function addColdNeighbourScores(neighbours: ColdNeighbours, scores: Float32Array): void {
  const { indptr, indices, weights } = neighbours;
  assertLength("cold neighbour indptr", indptr, scores.length + 1);
  for (let j = 0; j < scores.length; j++) {
    let mixed = 0;
    for (let p = indptr[j] as number, end = indptr[j + 1] as number; p < end; p++) {
      mixed += (weights[p] as number) * (scores[indices[p] as number] as number);
    }
    if (mixed !== 0) scores[j] = (scores[j] as number) + mixed;
  }
}

/** The unsold items' neighbour rows agree with the catalog. */
export function assertColdNeighbours(neighbours: ColdNeighbours, items: number): void {
  assertLength("cold neighbour indptr", neighbours.indptr, items + 1);
  assertLength("cold neighbour indices", neighbours.indices, neighbours.indptr[items] as number);
  assertLength("cold neighbour weights", neighbours.weights, neighbours.indices.length);
  assertIndices("cold neighbour indices", neighbours.indices, items);
}

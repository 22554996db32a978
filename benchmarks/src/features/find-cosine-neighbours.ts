import { selectTopK } from "@jewelguide/model";

/**
 * The k nearest rows (cosine similarity, the query itself excluded) of each query row of `vectors`
 * (`count` rows of `dims` floats). Returns one Int32Array of neighbour indices per query.
 */
export function findCosineNeighbours(
  vectors: Float32Array,
  count: number,
  dims: number,
  k: number,
  queries: ArrayLike<number>,
): Int32Array[] {
  const norms = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    let sum = 0;
    for (let d = 0; d < dims; d++) sum += (vectors[i * dims + d] ?? 0) ** 2;
    norms[i] = Math.sqrt(sum) || 1;
  }
  const scores = new Float32Array(count);
  const result: Int32Array[] = [];
  for (let q = 0; q < queries.length; q++) {
    const query = queries[q] ?? 0;
    const base = query * dims;
    for (let j = 0; j < count; j++) {
      let dot = 0;
      const other = j * dims;
      for (let d = 0; d < dims; d++) dot += (vectors[base + d] ?? 0) * (vectors[other + d] ?? 0);
      scores[j] = dot / ((norms[query] ?? 1) * (norms[j] ?? 1));
    }
    result.push(selectTopK(scores, k, (j) => j !== query));
  }
  return result;
}

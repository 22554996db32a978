/**
 * Indices of the k highest scores, best first, by partial selection (a size-k min-heap: O(n log k), no full sort).
 * Ties go to the lower index, so rankings are deterministic. `accept` skips indices (exclusions, filters); it is only
 * asked about an index that would enter the current top k. NaN scores are skipped. Runs on every recommendation
 * request over the whole catalog, so the heap keeps its scores beside its indices (typed arrays, no closures).
 */
export function selectTopK(scores: ArrayLike<number>, k: number, accept?: (index: number) => boolean): Int32Array {
  const n = scores.length;
  const size = Math.max(0, Math.min(k, n));
  const heapIndex = new Int32Array(size);
  const heapScore = new Float64Array(size);
  let count = 0;
  if (size === 0) return heapIndex;
  // The root is the worst kept item: lower score, or equal score and higher index.
  for (let index = 0; index < n; index++) {
    const score = scores[index] as number;
    if (Number.isNaN(score)) continue;
    // Later indices lose ties, so an equal score can never displace the root.
    if (count === size && !(score > (heapScore[0] as number))) continue;
    if (accept !== undefined && !accept(index)) continue;
    if (count < size) {
      let i = count++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        const parentScore = heapScore[parent] as number;
        if (!(score < parentScore || (score === parentScore && index > (heapIndex[parent] as number)))) break;
        heapIndex[i] = heapIndex[parent] as number;
        heapScore[i] = parentScore;
        i = parent;
      }
      heapIndex[i] = index;
      heapScore[i] = score;
    } else {
      siftDown(heapIndex, heapScore, count, index, score);
    }
  }
  // Heap sort: pop the worst to the back until empty, leaving the best first.
  const result = new Int32Array(count);
  for (let end = count - 1; end >= 0; end--) {
    result[end] = heapIndex[0] as number;
    const lastIndex = heapIndex[end] as number;
    const lastScore = heapScore[end] as number;
    if (end > 0) siftDown(heapIndex, heapScore, end, lastIndex, lastScore);
  }
  return result;
}

/** Puts (index, score) at the root of a heap of `count` items and sifts it down to its place. */
function siftDown(heapIndex: Int32Array, heapScore: Float64Array, count: number, index: number, score: number): void {
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= count) break;
    let worst = left;
    let worstScore = heapScore[left] as number;
    const right = left + 1;
    if (right < count) {
      const rightScore = heapScore[right] as number;
      if (
        rightScore < worstScore ||
        (rightScore === worstScore && (heapIndex[right] as number) > (heapIndex[left] as number))
      ) {
        worst = right;
        worstScore = rightScore;
      }
    }
    const worstIndex = heapIndex[worst] as number;
    if (!(worstScore < score || (worstScore === score && worstIndex > index))) break;
    heapIndex[i] = worstIndex;
    heapScore[i] = worstScore;
    i = worst;
  }
  heapIndex[i] = index;
  heapScore[i] = score;
}

/**
 * Indices of the k highest scores, best first, by partial selection (a size-k min-heap: O(n log k), no full sort).
 * Ties go to the lower index, so rankings are deterministic. `accept` skips indices (exclusions, filters).
 */
export function selectTopK(scores: ArrayLike<number>, k: number, accept?: (index: number) => boolean): Int32Array {
  const n = scores.length;
  const size = Math.max(0, Math.min(k, n));
  const heap = new Int32Array(size);
  let count = 0;
  // "worse" = lower score, or equal score and higher index. The heap root is the worst kept item.
  const isWorse = (a: number, b: number): boolean => {
    const sa = scores[a] ?? 0;
    const sb = scores[b] ?? 0;
    return sa < sb || (sa === sb && a > b);
  };
  const siftDown = (start: number): void => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= count) return;
      let worst = left;
      const right = left + 1;
      if (right < count && isWorse(heap[right] ?? 0, heap[left] ?? 0)) worst = right;
      if (!isWorse(heap[worst] ?? 0, heap[i] ?? 0)) return;
      const tmp = heap[i] ?? 0;
      heap[i] = heap[worst] ?? 0;
      heap[worst] = tmp;
      i = worst;
    }
  };
  if (size === 0) return heap;
  for (let index = 0; index < n; index++) {
    const score = scores[index] ?? 0;
    if (Number.isNaN(score)) continue;
    if (count === size && !(score > (scores[heap[0] ?? 0] ?? 0))) continue; // cheap reject: ties lose to lower index
    if (accept !== undefined && !accept(index)) continue;
    if (count < size) {
      let i = count++;
      heap[i] = index;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!isWorse(heap[i] ?? 0, heap[parent] ?? 0)) break;
        const tmp = heap[i] ?? 0;
        heap[i] = heap[parent] ?? 0;
        heap[parent] = tmp;
        i = parent;
      }
    } else {
      heap[0] = index;
      siftDown(0);
    }
  }
  const result = Array.from(heap.subarray(0, count)).sort((a, b) => (isWorse(a, b) ? 1 : isWorse(b, a) ? -1 : 0));
  return Int32Array.from(result);
}

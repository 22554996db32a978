/**
 * Positions of the `count` largest `key(values[i])`, ties going to the lower position, returned in ascending position
 * order. A min-heap of `count` entries: O(n log count) time, no copy or sort of the whole array.
 */
export function selectLargest(
  values: ArrayLike<number>,
  count: number,
  key: (value: number) => number = (value) => value,
): Int32Array {
  const size = Math.min(count, values.length);
  const heapKeys = new Float64Array(size);
  const heapPositions = new Int32Array(size);
  // The root holds the weakest kept entry: smallest key, and among equal keys the highest position.
  const weaker = (a: number, b: number) =>
    (heapKeys[a] as number) < (heapKeys[b] as number) ||
    ((heapKeys[a] as number) === (heapKeys[b] as number) &&
      (heapPositions[a] as number) > (heapPositions[b] as number));
  const swap = (a: number, b: number) => {
    [heapKeys[a], heapKeys[b]] = [heapKeys[b] as number, heapKeys[a] as number];
    [heapPositions[a], heapPositions[b]] = [heapPositions[b] as number, heapPositions[a] as number];
  };
  let filled = 0;
  for (let i = 0; i < values.length && size > 0; i++) {
    const k = key(values[i] as number);
    if (filled < size) {
      heapKeys[filled] = k;
      heapPositions[filled] = i;
      for (let c = filled++; c > 0 && weaker(c, (c - 1) >> 1); c = (c - 1) >> 1) swap(c, (c - 1) >> 1);
    } else if (k > (heapKeys[0] as number)) {
      // Positions rise as we scan, so an equal key never displaces a kept (lower) position.
      heapKeys[0] = k;
      heapPositions[0] = i;
      for (let p = 0; ; ) {
        const l = 2 * p + 1;
        const r = l + 1;
        let w = p;
        if (l < size && weaker(l, w)) w = l;
        if (r < size && weaker(r, w)) w = r;
        if (w === p) break;
        swap(p, w);
        p = w;
      }
    }
  }
  return heapPositions.sort();
}

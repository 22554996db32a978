/**
 * One coordinate of a sparse SGD or Adagrad step: w ← w − lr·g (SGD) or w ← w − lr·g/√(Σg²) (Adagrad, `accumulator`
 * holding Σg²). The pairwise baselines (BPR, FPMC) update a few rows per sample this way.
 */
export function stepCoordinate(
  table: Float32Array,
  accumulator: Float32Array | undefined,
  at: number,
  grad: number,
  lr: number,
): void {
  if (accumulator === undefined) {
    table[at] = (table[at] as number) - lr * grad;
    return;
  }
  const sum = (accumulator[at] as number) + grad * grad;
  accumulator[at] = sum;
  table[at] = (table[at] as number) - (lr * grad) / (Math.sqrt(sum) + 1e-7);
}

import type { CsrMatrix } from "../data/csr-matrix";
import type { Rng } from "../random/create-rng";

/**
 * A uniformly drawn item the user has not interacted with (−1 if none is found in 20 tries), for pairwise (BPR-style)
 * losses. The user's row of `matrix` is sorted (CSR), so membership is a binary search.
 */
export function sampleNegative(matrix: CsrMatrix, user: number, rng: Rng): number {
  const start = matrix.indptr[user] as number;
  const end = matrix.indptr[user + 1] as number;
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = rng.nextInt(matrix.cols);
    let lo = start;
    let hi = end - 1;
    let found = false;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const value = matrix.indices[mid] as number;
      if (value === candidate) {
        found = true;
        break;
      }
      if (value < candidate) lo = mid + 1;
      else hi = mid - 1;
    }
    if (!found) return candidate;
  }
  return -1;
}

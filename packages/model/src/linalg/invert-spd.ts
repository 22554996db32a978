import { assertLength, assertMinLength } from "./assert-shape";
import { type MultiplyTransposed, multiplyTransposedJs } from "./multiply-transposed";

export type InvertSpdOptions = {
  /** Pivot block size (default 256): larger blocks mean fewer, bigger matrix products. */
  blockSize?: number;
  /** Rows per matrix product in the trailing update (default 1024); bounds temporary memory. */
  stripRows?: number;
  /** The a·bᵀ kernel; default plain JS (use tfjs-wasm for large matrices). */
  multiply?: MultiplyTransposed;
  onProgress?: (fraction: number) => void;
};

/**
 * Inverts a symmetric positive-definite n×n matrix in place (row-major Float32Array; only the lower triangle is read),
 * leaving the full symmetric inverse. Blocked Gauss–Jordan "sweep": for each pivot block K with D = A_KK,
 *   A_ij ← A_ij − A_iK D⁻¹ A_Kj,  A_iK ← A_iK D⁻¹,  A_KK ← −D⁻¹,
 * which after sweeping every block leaves −A⁻¹. Only the lower triangle is updated, so the work is ≈ n³ multiply-adds,
 * all inside a·bᵀ products; pivot blocks are inverted in float64. Throws if the matrix is not positive definite.
 */
export async function invertSpdInPlace(matrix: Float32Array, n: number, options: InvertSpdOptions = {}): Promise<void> {
  assertMinLength("SPD matrix", matrix, n * n);
  const blockSize = Math.max(1, options.blockSize ?? 256);
  const stripRows = Math.max(1, options.stripRows ?? 1024);
  const multiply = options.multiply ?? multiplyTransposedJs;
  const at = (i: number, j: number): number => (i >= j ? i * n + j : j * n + i);
  for (let k0 = 0; k0 < n; k0 += blockSize) {
    const k1 = Math.min(n, k0 + blockSize);
    const b = k1 - k0;
    // C = A[:, K] (n×b), D = A[K, K] (b×b).
    const column = new Float32Array(n * b);
    for (let i = 0; i < n; i++) for (let c = 0; c < b; c++) column[i * b + c] = matrix[at(i, k0 + c)] as number;
    const pivot = new Float64Array(b * b);
    for (let r = 0; r < b; r++) for (let c = 0; c < b; c++) pivot[r * b + c] = column[(k0 + r) * b + c] as number;
    const pivotInverse = Float32Array.from(invertSmallSpd(pivot, b, k0));
    // E = C · D⁻¹ (D⁻¹ is symmetric, so C · (D⁻¹)ᵀ).
    const scaled = await multiply(column, n, pivotInverse, b, b);
    assertLength("C·D⁻¹ product", scaled, n * b);
    // Lower triangle: A_ij −= E_i · C_j, by strips of rows.
    for (let s0 = 0; s0 < n; s0 += stripRows) {
      const s1 = Math.min(n, s0 + stripRows);
      const update = await multiply(scaled.subarray(s0 * b, s1 * b), s1 - s0, column, s1, b);
      assertLength("trailing update product", update, (s1 - s0) * s1);
      for (let i = s0; i < s1; i++) {
        const rowOffset = i * n;
        const updateOffset = (i - s0) * s1;
        for (let j = 0; j <= i; j++) {
          matrix[rowOffset + j] = (matrix[rowOffset + j] as number) - (update[updateOffset + j] as number);
        }
      }
    }
    // Pivot rows/columns: A_iK = E_i outside K, A_KK = −D⁻¹.
    for (let i = 0; i < n; i++) {
      if (i >= k0 && i < k1) continue;
      for (let c = 0; c < b; c++) matrix[at(i, k0 + c)] = scaled[i * b + c] as number;
    }
    for (let r = 0; r < b; r++) {
      for (let c = 0; c <= r; c++) matrix[(k0 + r) * n + k0 + c] = -(pivotInverse[r * b + c] as number);
    }
    options.onProgress?.(k1 / n);
  }
  // −A⁻¹ → A⁻¹, mirrored into the upper triangle.
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const value = -(matrix[i * n + j] as number);
      matrix[i * n + j] = value;
      matrix[j * n + i] = value;
    }
  }
}

/** Inverse of a small SPD matrix (row-major float64) via Cholesky; `offset` only names the block in errors. */
export function invertSmallSpd(matrix: Float64Array, n: number, offset = 0): Float64Array {
  assertLength("small SPD matrix", matrix, n * n);
  const lower = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let diagonal = matrix[j * n + j] as number;
    for (let t = 0; t < j; t++) diagonal -= (lower[j * n + t] as number) ** 2;
    if (!(diagonal > 0)) {
      throw new Error(`Matrix is not positive definite (pivot ${offset + j}); increase the regularisation.`);
    }
    const root = Math.sqrt(diagonal);
    lower[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let sum = matrix[i * n + j] as number;
      for (let t = 0; t < j; t++) sum -= (lower[i * n + t] as number) * (lower[j * n + t] as number);
      lower[i * n + j] = sum / root;
    }
  }
  // W = L⁻¹ (lower triangular), then A⁻¹ = Wᵀ W.
  const inverseLower = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    inverseLower[j * n + j] = 1 / (lower[j * n + j] as number);
    for (let i = j + 1; i < n; i++) {
      let sum = 0;
      for (let t = j; t < i; t++) sum -= (lower[i * n + t] as number) * (inverseLower[t * n + j] as number);
      inverseLower[i * n + j] = sum / (lower[i * n + i] as number);
    }
  }
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let t = i; t < n; t++) sum += (inverseLower[t * n + i] as number) * (inverseLower[t * n + j] as number);
      inverse[i * n + j] = sum;
      inverse[j * n + i] = sum;
    }
  }
  return inverse;
}

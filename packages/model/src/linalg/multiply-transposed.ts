import { assertMinLength } from "./assert-shape";

/**
 * out = a · bᵀ, with a: aRows×inner and b: bRows×inner, both row-major; out: aRows×bRows. The heavy kernel of the
 * blocked SPD inverse, swappable (plain JS here, tfjs-wasm in tfjs-multiply-transposed.ts). Longer buffers are
 * allowed: only their leading aRows (bRows) rows are read.
 */
export type MultiplyTransposed = (
  a: Float32Array,
  aRows: number,
  b: Float32Array,
  bRows: number,
  inner: number,
) => Float32Array | Promise<Float32Array>;

/** The synchronous form (tfjs with `dataSync`, or plain JS), for hot loops that cannot await. */
export type MultiplyTransposedSync = (
  a: Float32Array,
  aRows: number,
  b: Float32Array,
  bRows: number,
  inner: number,
) => Float32Array;

export function multiplyTransposedJs(
  a: Float32Array,
  aRows: number,
  b: Float32Array,
  bRows: number,
  inner: number,
): Float32Array {
  assertProductShapes(a, aRows, b, bRows, inner);
  const out = new Float32Array(aRows * bRows);
  for (let i = 0; i < aRows; i++) {
    const aOffset = i * inner;
    for (let j = 0; j < bRows; j++) {
      const bOffset = j * inner;
      let sum = 0;
      for (let t = 0; t < inner; t++) sum += (a[aOffset + t] as number) * (b[bOffset + t] as number);
      out[i * bRows + j] = sum;
    }
  }
  return out;
}

/** Both operands hold their declared rows × inner entries (or more), so the product reads no entry past either end. */
export function assertProductShapes(
  a: Float32Array,
  aRows: number,
  b: Float32Array,
  bRows: number,
  inner: number,
): void {
  assertMinLength("left operand of a·bᵀ", a, aRows * inner);
  assertMinLength("right operand of a·bᵀ", b, bRows * inner);
}

/**
 * out = a · bᵀ, with a: aRows×inner and b: bRows×inner, both row-major; out: aRows×bRows. The heavy kernel of the
 * blocked SPD inverse, swappable (plain JS here, tfjs-wasm in tfjs-multiply-transposed.ts).
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
  const out = new Float32Array(aRows * bRows);
  for (let i = 0; i < aRows; i++) {
    const aOffset = i * inner;
    for (let j = 0; j < bRows; j++) {
      const bOffset = j * inner;
      let sum = 0;
      for (let t = 0; t < inner; t++) sum += (a[aOffset + t] ?? 0) * (b[bOffset + t] ?? 0);
      out[i * bRows + j] = sum;
    }
  }
  return out;
}

import { assertLength } from "./assert-shape";

/**
 * out[i] = bias[i] + query · rows[i] for every row of a row-major `rows` matrix (rows.length / query.length rows).
 * Scoring a shopper against the whole catalog is this loop; it runs on every feed request, so it is written for the
 * JIT: locals only, four independent accumulators (the 64-d dot product is latency-bound otherwise), no bounds-checked
 * fallbacks inside the loop (the shapes are checked once, at entry). `bias` may be empty (no bias).
 */
export function scoreAgainstRows(query: Float32Array, rows: Float32Array, bias: Float32Array, out: Float32Array): void {
  const d = query.length;
  const count = out.length;
  assertLength("scored rows", rows, count * d);
  const hasBias = bias.length > 0;
  if (hasBias) assertLength("row bias", bias, count);
  const blocks = d - (d % 4);
  for (let i = 0; i < count; i++) {
    const offset = i * d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let j = 0;
    for (; j < blocks; j += 4) {
      s0 += (query[j] as number) * (rows[offset + j] as number);
      s1 += (query[j + 1] as number) * (rows[offset + j + 1] as number);
      s2 += (query[j + 2] as number) * (rows[offset + j + 2] as number);
      s3 += (query[j + 3] as number) * (rows[offset + j + 3] as number);
    }
    for (; j < d; j++) s0 += (query[j] as number) * (rows[offset + j] as number);
    out[i] = (hasBias ? (bias[i] as number) : 0) + s0 + s1 + s2 + s3;
  }
}

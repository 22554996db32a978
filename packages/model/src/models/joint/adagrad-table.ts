import { assertLength } from "../../linalg/assert-shape";
import type { Rng } from "../../random/create-rng";

/** A parameter table (rows × cols, row-major) with its Adagrad accumulator, updated a row at a time. */
export type AdagradTable = { rows: number; cols: number; weights: Float32Array; accumulator: Float32Array };

export function createAdagradTable(rows: number, cols: number, rng: Rng, scale: number): AdagradTable {
  const weights = new Float32Array(rows * cols);
  if (scale > 0) for (let i = 0; i < weights.length; i++) weights[i] = rng.nextNormal() * scale;
  return { rows, cols, weights, accumulator: new Float32Array(rows * cols) };
}

/** Sparse Adagrad: w ← w − lr·(g + l2·w)/√(Σg²), on one row only (the rows a step did not touch stay as they are). */
export function stepAdagradRow(
  table: AdagradTable,
  row: number,
  grad: ArrayLike<number>,
  lr: number,
  l2: number,
): void {
  const { cols, weights, accumulator } = table;
  if (!(row >= 0 && row < table.rows)) throw new Error(`Adagrad row ${row} is outside [0, ${table.rows}).`);
  assertLength("Adagrad row gradient", grad, cols);
  const offset = row * cols;
  for (let k = 0; k < cols; k++) {
    const w = weights[offset + k] as number;
    const g = (grad[k] as number) + l2 * w;
    if (g === 0) continue;
    const sum = (accumulator[offset + k] as number) + g * g;
    accumulator[offset + k] = sum;
    weights[offset + k] = w - (lr * g) / (Math.sqrt(sum) + 1e-8);
  }
}

import { assertIndices, assertLength } from "../linalg/assert-shape";

/** A compressed sparse row matrix. Row r's columns are indices[indptr[r]..indptr[r+1]), sorted ascending. */
export type CsrMatrix = {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  data: Float32Array;
};

export type CsrEntry = { row: number; col: number; value: number };

/** Builds a CSR matrix from entries; duplicate (row, col) entries are combined with `combine` (default: sum). */
export function buildCsrMatrix(
  rows: number,
  cols: number,
  entries: readonly CsrEntry[],
  combine: (a: number, b: number) => number = (a, b) => a + b,
): CsrMatrix {
  const counts = new Int32Array(rows + 1);
  for (const { row, col } of entries) {
    if (row < 0 || row >= rows || col < 0 || col >= cols) {
      throw new Error(`CSR entry (${row}, ${col}) outside a ${rows}×${cols} matrix.`);
    }
    counts[row + 1] = (counts[row + 1] as number) + 1;
  }
  for (let r = 0; r < rows; r++) counts[r + 1] = (counts[r + 1] as number) + (counts[r] as number);
  const cursor = counts.slice(0, rows);
  const cols0 = new Int32Array(entries.length);
  const vals0 = new Float32Array(entries.length);
  for (const { row, col, value } of entries) {
    const at = cursor[row] as number;
    cols0[at] = col;
    vals0[at] = value;
    cursor[row] = at + 1;
  }
  const indptr = new Int32Array(rows + 1);
  const indices: number[] = [];
  const data: number[] = [];
  for (let r = 0; r < rows; r++) {
    const start = counts[r] as number;
    const end = counts[r + 1] as number;
    const order = Array.from({ length: end - start }, (_, i) => start + i).sort(
      (a, b) => (cols0[a] as number) - (cols0[b] as number),
    );
    let lastCol = -1;
    for (const at of order) {
      const col = cols0[at] as number;
      const value = vals0[at] as number;
      if (col === lastCol) {
        data[data.length - 1] = combine(data[data.length - 1] as number, value);
      } else {
        indices.push(col);
        data.push(value);
        lastCol = col;
      }
    }
    indptr[r + 1] = indices.length;
  }
  return { rows, cols, indptr, indices: Int32Array.from(indices), data: Float32Array.from(data) };
}

/** The transpose (columns become rows), still CSR. */
export function transposeCsr(matrix: CsrMatrix): CsrMatrix {
  assertCsrShape("transposed matrix", matrix);
  const { rows, cols, indptr, indices, data } = matrix;
  const counts = new Int32Array(cols + 1);
  for (let i = 0; i < indices.length; i++) {
    const c = indices[i] as number;
    counts[c + 1] = (counts[c + 1] as number) + 1;
  }
  for (let c = 0; c < cols; c++) counts[c + 1] = (counts[c + 1] as number) + (counts[c] as number);
  const cursor = counts.slice(0, cols);
  const outIndices = new Int32Array(indices.length);
  const outData = new Float32Array(indices.length);
  for (let r = 0; r < rows; r++) {
    const end = indptr[r + 1] as number;
    for (let p = indptr[r] as number; p < end; p++) {
      const c = indices[p] as number;
      const at = cursor[c] as number;
      outIndices[at] = r;
      outData[at] = data[p] as number;
      cursor[c] = at + 1;
    }
  }
  return { rows: cols, cols: rows, indptr: counts, indices: outIndices, data: outData };
}

/** Row r as parallel views of column indices and values (no copy). */
export function getCsrRow(matrix: CsrMatrix, row: number): { indices: Int32Array; values: Float32Array } {
  if (!(Number.isInteger(row) && row >= 0 && row < matrix.rows)) {
    throw new Error(`CSR row ${row} is outside a matrix of ${matrix.rows} rows.`);
  }
  const start = matrix.indptr[row] as number;
  const end = matrix.indptr[row + 1] as number;
  return { indices: matrix.indices.subarray(start, end), values: matrix.data.subarray(start, end) };
}

/**
 * A CSR matrix is consistent: rows + 1 row pointers from 0 to the entry count, as many values as column indices, and
 * every column index inside the matrix. Kernels that walk a CSR matrix check this once, then read without fallbacks.
 */
export function assertCsrShape(name: string, matrix: CsrMatrix): void {
  const { rows, cols, indptr, indices, data } = matrix;
  assertLength(`${name} indptr`, indptr, rows + 1);
  if (indptr[0] !== 0 || indptr[rows] !== indices.length) {
    throw new Error(`${name} indptr runs from ${indptr[0]} to ${indptr[rows]}; expected 0 to ${indices.length}.`);
  }
  for (let r = 0; r < rows; r++) {
    if ((indptr[r + 1] as number) < (indptr[r] as number)) throw new Error(`${name} indptr decreases at row ${r}.`);
  }
  assertLength(`${name} data`, data, indices.length);
  assertIndices(`${name} indices`, indices, cols);
}

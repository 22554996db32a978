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
    counts[row + 1] = (counts[row + 1] ?? 0) + 1;
  }
  for (let r = 0; r < rows; r++) counts[r + 1] = (counts[r + 1] ?? 0) + (counts[r] ?? 0);
  const cursor = counts.slice(0, rows);
  const cols0 = new Int32Array(entries.length);
  const vals0 = new Float32Array(entries.length);
  for (const { row, col, value } of entries) {
    const at = cursor[row] ?? 0;
    cols0[at] = col;
    vals0[at] = value;
    cursor[row] = at + 1;
  }
  const indptr = new Int32Array(rows + 1);
  const indices: number[] = [];
  const data: number[] = [];
  for (let r = 0; r < rows; r++) {
    const start = counts[r] ?? 0;
    const end = counts[r + 1] ?? 0;
    const order = Array.from({ length: end - start }, (_, i) => start + i).sort(
      (a, b) => (cols0[a] ?? 0) - (cols0[b] ?? 0),
    );
    let lastCol = -1;
    for (const at of order) {
      const col = cols0[at] ?? 0;
      const value = vals0[at] ?? 0;
      if (col === lastCol) {
        data[data.length - 1] = combine(data[data.length - 1] ?? 0, value);
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
  const { rows, cols, indptr, indices, data } = matrix;
  const counts = new Int32Array(cols + 1);
  for (let i = 0; i < indices.length; i++) {
    const c = indices[i] ?? 0;
    counts[c + 1] = (counts[c + 1] ?? 0) + 1;
  }
  for (let c = 0; c < cols; c++) counts[c + 1] = (counts[c + 1] ?? 0) + (counts[c] ?? 0);
  const cursor = counts.slice(0, cols);
  const outIndices = new Int32Array(indices.length);
  const outData = new Float32Array(indices.length);
  for (let r = 0; r < rows; r++) {
    for (let p = indptr[r] ?? 0; p < (indptr[r + 1] ?? 0); p++) {
      const c = indices[p] ?? 0;
      const at = cursor[c] ?? 0;
      outIndices[at] = r;
      outData[at] = data[p] ?? 0;
      cursor[c] = at + 1;
    }
  }
  return { rows: cols, cols: rows, indptr: counts, indices: outIndices, data: outData };
}

/** Row r as parallel views of column indices and values (no copy). */
export function getCsrRow(matrix: CsrMatrix, row: number): { indices: Int32Array; values: Float32Array } {
  const start = matrix.indptr[row] ?? 0;
  const end = matrix.indptr[row + 1] ?? 0;
  return { indices: matrix.indices.subarray(start, end), values: matrix.data.subarray(start, end) };
}

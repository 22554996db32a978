import { describe, expect, it } from "vitest";
import { assertCsrShape, buildCsrMatrix, getCsrRow, transposeCsr } from "./csr-matrix";

describe("CSR matrices", () => {
  const matrix = buildCsrMatrix(2, 3, [
    { row: 1, col: 2, value: 4 },
    { row: 0, col: 1, value: 1 },
    { row: 1, col: 2, value: 1 },
    { row: 1, col: 0, value: 2 },
  ]);

  it("builds sorted rows with duplicates combined, and transposes them", () => {
    expect(Array.from(matrix.indptr)).toEqual([0, 1, 3]);
    expect(Array.from(matrix.indices)).toEqual([1, 0, 2]);
    expect(Array.from(matrix.data)).toEqual([1, 2, 5]);
    const transposed = transposeCsr(matrix);
    expect(Array.from(transposed.indptr)).toEqual([0, 1, 2, 3]);
    expect(Array.from(transposed.indices)).toEqual([1, 0, 1]);
    expect(Array.from(getCsrRow(transposed, 2).values)).toEqual([5]);
  });

  it("refuses an inconsistent matrix or a row outside it, naming what is wrong, instead of reading zeros", () => {
    expect(() => assertCsrShape("m", { ...matrix, indptr: Int32Array.from([0, 1]) })).toThrow(
      "m indptr has length 2; expected 3.",
    );
    expect(() => assertCsrShape("m", { ...matrix, indptr: Int32Array.from([0, 1, 2]) })).toThrow(
      "m indptr runs from 0 to 2; expected 0 to 3.",
    );
    expect(() => assertCsrShape("m", { ...matrix, data: new Float32Array(2) })).toThrow(
      "m data has length 2; expected 3.",
    );
    expect(() => transposeCsr({ ...matrix, indices: Int32Array.from([1, 0, 3]) })).toThrow(
      "transposed matrix indices[2] = 3 is outside [0, 3).",
    );
    expect(() => getCsrRow(matrix, 2)).toThrow("CSR row 2 is outside a matrix of 2 rows.");
  });
});

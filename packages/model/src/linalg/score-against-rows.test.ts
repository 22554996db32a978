import { describe, expect, it } from "vitest";
import { scoreAgainstRows } from "./score-against-rows";

describe("scoreAgainstRows", () => {
  it("adds each row's bias to its dot product with the query, for any width (blocks of four and a remainder)", () => {
    for (const d of [1, 3, 4, 7, 64]) {
      const rows = 5;
      const query = Float32Array.from({ length: d }, (_, j) => (j % 3) - 0.5 * j);
      const matrix = Float32Array.from({ length: rows * d }, (_, k) => Math.sin(k));
      const bias = Float32Array.from({ length: rows }, (_, i) => i / 10);
      const out = new Float32Array(rows);
      scoreAgainstRows(query, matrix, bias, out);
      for (let i = 0; i < rows; i++) {
        let expected = bias[i] ?? 0;
        for (let j = 0; j < d; j++) expected += (query[j] ?? 0) * (matrix[i * d + j] ?? 0);
        expect(out[i]).toBeCloseTo(expected, 4);
      }
      const unbiased = new Float32Array(rows);
      scoreAgainstRows(query, matrix, new Float32Array(0), unbiased);
      expect(unbiased[2]).toBeCloseTo((out[2] ?? 0) - 0.2, 4);
    }
  });

  it("refuses rows or a bias that do not match the output, instead of scoring missing entries", () => {
    const query = new Float32Array(4);
    expect(() => scoreAgainstRows(query, new Float32Array(11), new Float32Array(0), new Float32Array(3))).toThrow(
      "scored rows has length 11; expected 12.",
    );
    expect(() => scoreAgainstRows(query, new Float32Array(12), new Float32Array(2), new Float32Array(3))).toThrow(
      "row bias has length 2; expected 3.",
    );
  });
});

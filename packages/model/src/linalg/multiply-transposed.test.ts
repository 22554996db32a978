import { describe, expect, it } from "vitest";
import { multiplyTransposedJs } from "./multiply-transposed";

describe("multiplyTransposedJs", () => {
  it("multiplies a · bᵀ, reading only the leading rows of a longer buffer", () => {
    const a = Float32Array.from([1, 2, 3, 4]);
    const b = Float32Array.from([1, 0, 0, 1, 9, 9]);
    expect(Array.from(multiplyTransposedJs(a, 2, b, 2, 2))).toEqual([1, 2, 3, 4]);
  });

  it("refuses operands shorter than their declared shape instead of multiplying by zeros", () => {
    expect(() => multiplyTransposedJs(new Float32Array(3), 2, new Float32Array(4), 2, 2)).toThrow(
      "left operand of a·bᵀ has length 3; expected at least 4.",
    );
    expect(() => multiplyTransposedJs(new Float32Array(4), 2, new Float32Array(5), 3, 2)).toThrow(
      "right operand of a·bᵀ has length 5; expected at least 6.",
    );
  });
});

import { describe, expect, it } from "vitest";
import { catalogCoverageAtK, mrrAtK, ndcgAtK, precisionAtK, recallAtK } from "./ranking-metrics";

const ranked = ["a", "b", "c", "d", "e"];

describe("ranking metrics (hand-computed)", () => {
  it("single target = hit rate, with NDCG discounting by rank", () => {
    const relevant = new Set(["c"]);
    expect(recallAtK(ranked, relevant, 2)).toBe(0);
    expect(recallAtK(ranked, relevant, 3)).toBe(1);
    expect(ndcgAtK(ranked, relevant, 3)).toBeCloseTo(1 / Math.log2(4), 12); // 0.5
    expect(mrrAtK(ranked, relevant, 5)).toBeCloseTo(1 / 3, 12);
    expect(mrrAtK(ranked, relevant, 2)).toBe(0);
    expect(precisionAtK(ranked, relevant, 5)).toBeCloseTo(0.2, 12);
  });

  it("several targets: IDCG over min(|relevant|, k) positions", () => {
    const relevant = new Set(["a", "d", "z"]);
    expect(recallAtK(ranked, relevant, 5)).toBeCloseTo(2 / 3, 12);
    // DCG = 1/log2(2) + 1/log2(5); IDCG@5 = 1 + 1/log2(3) + 1/log2(4)
    expect(ndcgAtK(ranked, relevant, 5)).toBeCloseTo((1 + 1 / Math.log2(5)) / (1 + 1 / Math.log2(3) + 0.5), 12);
    // k = 2: DCG = 1, IDCG = 1 + 1/log2(3)
    expect(ndcgAtK(ranked, relevant, 2)).toBeCloseTo(1 / (1 + 1 / Math.log2(3)), 12);
    expect(mrrAtK(ranked, relevant, 5)).toBe(1);
  });

  it("k larger than the list: precision still divides by k, recall and NDCG unaffected", () => {
    const relevant = new Set(["b"]);
    expect(precisionAtK(ranked, relevant, 10)).toBeCloseTo(0.1, 12);
    expect(recallAtK(ranked, relevant, 10)).toBe(1);
    expect(ndcgAtK(ranked, relevant, 10)).toBeCloseTo(1 / Math.log2(3), 12);
    expect(recallAtK(["x"], relevant, 100)).toBe(0);
  });

  it("no relevant items or k = 0 scores 0", () => {
    expect(recallAtK(ranked, new Set(), 5)).toBe(0);
    expect(ndcgAtK(ranked, new Set(), 5)).toBe(0);
    expect(precisionAtK(ranked, new Set(["a"]), 0)).toBe(0);
    expect(ndcgAtK(ranked, new Set(["a"]), 0)).toBe(0);
  });

  it("catalog coverage counts distinct items in the top k of all lists", () => {
    const lists = [
      ["a", "b", "c"],
      ["a", "d", "e"],
    ];
    expect(catalogCoverageAtK(lists, 10, 2)).toBeCloseTo(3 / 10, 12); // a, b, d
    expect(catalogCoverageAtK(lists, 10, 5)).toBeCloseTo(5 / 10, 12);
  });
});

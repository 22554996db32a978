import { describe, expect, it } from "vitest";
import { createRng } from "../random/create-rng";
import { selectTopK } from "./select-top-k";

describe("selectTopK", () => {
  it("returns the best k, best first, ties to the lower index", () => {
    const scores = [0.5, 0.9, 0.5, 0.9, 0.1, 0.5];
    expect(Array.from(selectTopK(scores, 4))).toEqual([1, 3, 0, 2]);
    expect(Array.from(selectTopK(scores, 1))).toEqual([1]);
  });

  it("handles k larger than the list, k = 0, NaN and an accept filter", () => {
    expect(Array.from(selectTopK([3, 1, 2], 10))).toEqual([0, 2, 1]);
    expect(Array.from(selectTopK([3, 1, 2], 0))).toEqual([]);
    expect(Array.from(selectTopK([Number.NaN, 1, 2], 3))).toEqual([2, 1]);
    expect(Array.from(selectTopK([3, 1, 2], 2, (i) => i !== 0))).toEqual([2, 1]);
    const infinite = [1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN];
    expect(Array.from(selectTopK(infinite, 4))).toEqual([1, 0, 2]);
    const long = Float64Array.from({ length: 100 }, (_, i) => (i === 50 ? Number.POSITIVE_INFINITY : i % 7));
    expect(Array.from(selectTopK(long, 2))).toEqual([50, 6]);
  });

  it("agrees with a full stable sort on random scores with many ties", () => {
    const rng = createRng(5);
    const scores = Float32Array.from({ length: 2000 }, () => rng.nextInt(50));
    const expected = Array.from(scores.keys())
      .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b)
      .slice(0, 37);
    expect(Array.from(selectTopK(scores, 37))).toEqual(expected);
  });

  it("agrees with a filtered full sort for every k, with ties and NaN", () => {
    const rng = createRng(11);
    const scores = Float32Array.from({ length: 500 }, (_, i) => (i % 41 === 0 ? Number.NaN : rng.nextInt(20)));
    const accept = (index: number) => index % 3 !== 1;
    const sorted = Array.from(scores.keys())
      .filter((index) => accept(index) && !Number.isNaN(scores[index]))
      .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
    for (const k of [1, 2, 7, 64, 240, 331, 500, 900]) {
      expect(Array.from(selectTopK(scores, k, accept))).toEqual(sorted.slice(0, k));
    }
  });

  it("gives the single pass's answer on long lists in any order, also when the filter rejects the best scores", () => {
    const rng = createRng(23);
    const base = Float32Array.from({ length: 6000 }, (_, i) => (i % 97 === 0 ? Number.NaN : rng.nextInt(400)));
    const ascending = Float32Array.from(base).sort();
    const descending = Float32Array.from(ascending).reverse();
    // Rejects every score of 300 and above (the best quarter): the threshold pass alone finds too few and the second pass must run.
    const rejectTop = (scores: Float32Array) => (index: number) => !((scores[index] as number) >= 300);
    for (const scores of [base, ascending, descending]) {
      for (const accept of [undefined, (index: number) => index % 5 !== 2, rejectTop(scores)]) {
        const sorted = Array.from(scores.keys())
          .filter((index) => (accept === undefined || accept(index)) && !Number.isNaN(scores[index]))
          .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
        for (const k of [1, 12, 240, 700]) {
          expect(Array.from(selectTopK(scores, k, accept))).toEqual(sorted.slice(0, k));
        }
      }
    }
  });
});

import { describe, expect, it } from "vitest";
import { createRng } from "../random/create-rng";
import { selectLargest } from "./select-largest";

describe("selectLargest", () => {
  it("keeps the largest keys, ties to the lower position, in position order", () => {
    expect(Array.from(selectLargest([0.1, 0.5, 0.3, 0.5, 0.2], 2))).toEqual([1, 3]);
    expect(Array.from(selectLargest([1, 2, 2, 2, 0], 2))).toEqual([1, 2]);
    expect(Array.from(selectLargest([-0.9, 0.5, 0.1], 1, Math.abs))).toEqual([0]);
    expect(Array.from(selectLargest([3, 1], 5))).toEqual([0, 1]);
    expect(Array.from(selectLargest([3, 1], 0))).toEqual([]);
  });

  it("agrees with a full sort on random arrays with ties", () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 200; trial++) {
      const values = Array.from({ length: 1 + rng.nextInt(60) }, () => rng.nextInt(8) - 4);
      const count = rng.nextInt(12);
      const expected = values
        .map((value, i) => [Math.abs(value), i] as const)
        .sort((a, b) => b[0] - a[0] || a[1] - b[1])
        .slice(0, count)
        .map(([, i]) => i)
        .sort((a, b) => a - b);
      expect(Array.from(selectLargest(values, count, Math.abs))).toEqual(expected);
    }
  });
});

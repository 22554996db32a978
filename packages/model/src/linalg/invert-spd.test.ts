import { describe, expect, it } from "vitest";
import { createRng } from "../random/create-rng";
import { invertSmallSpd, invertSpdInPlace } from "./invert-spd";

function randomSpd(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const x = Array.from({ length: n * 2 * n }, () => (rng.next() < 0.2 ? 1 : 0));
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = i === j ? 5 : 0;
      for (let u = 0; u < 2 * n; u++) sum += (x[u * n + i] ?? 0) * (x[u * n + j] ?? 0);
      a[i * n + j] = sum;
    }
  }
  return a;
}

function maxResidual(a: Float64Array, inverse: ArrayLike<number>, n: number): number {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let t = 0; t < n; t++) sum += (a[i * n + t] ?? 0) * (inverse[t * n + j] ?? 0);
      worst = Math.max(worst, Math.abs(sum - (i === j ? 1 : 0)));
    }
  }
  return worst;
}

describe("invertSpdInPlace", () => {
  it("inverts a hand-checked 2×2 matrix", async () => {
    const m = Float32Array.from([4, 2, 2, 3]);
    await invertSpdInPlace(m, 2, { blockSize: 1 });
    // [[4,2],[2,3]]⁻¹ = 1/8 [[3,-2],[-2,4]]
    expect(Array.from(m)).toEqual([0.375, -0.25, -0.25, 0.5].map((v) => expect.closeTo(v, 6)));
  });

  it.each([
    [1, 7],
    [3, 2],
    [8, 3],
    [40, 40],
  ])("matches A·A⁻¹ = I with block size %i, strips of %i rows", async (blockSize, stripRows) => {
    const n = 37;
    const a = randomSpd(n, 1);
    const m = Float32Array.from(a);
    await invertSpdInPlace(m, n, { blockSize, stripRows });
    expect(maxResidual(a, m, n)).toBeLessThan(1e-4);
    expect(m[3 * n + 5]).toBe(m[5 * n + 3]);
  });

  it("rejects a matrix that is not positive definite", async () => {
    await expect(invertSpdInPlace(Float32Array.from([1, 2, 2, 1]), 2, { blockSize: 1 })).rejects.toThrow(
      /not positive definite/,
    );
  });

  it("refuses a matrix shorter than n×n and a multiply kernel that returns the wrong shape, naming them", async () => {
    await expect(invertSpdInPlace(new Float32Array(3), 2)).rejects.toThrow(
      "SPD matrix has length 3; expected at least 4.",
    );
    const shortProduct = () => new Float32Array(1);
    await expect(
      invertSpdInPlace(Float32Array.from([4, 2, 2, 3]), 2, { blockSize: 1, multiply: shortProduct }),
    ).rejects.toThrow("C·D⁻¹ product has length 1; expected 2.");
  });
});

describe("invertSmallSpd", () => {
  it("inverts in float64", () => {
    const a = randomSpd(12, 2);
    expect(maxResidual(a, invertSmallSpd(a, 12), 12)).toBeLessThan(1e-10);
  });

  it("refuses a matrix whose length is not n×n", () => {
    expect(() => invertSmallSpd(new Float64Array(5), 2)).toThrow("small SPD matrix has length 5; expected 4.");
  });
});

import { describe, expect, it } from "vitest";
import { createJsDenseScorer, createTensorDenseScorer } from "./dense-scorer";

describe("dense scorers", () => {
  const dims = 8;
  const count = 50;
  const rows = Float32Array.from({ length: count * dims }, (_, k) => Math.cos(k * 0.7));
  const bias = Float32Array.from({ length: count }, (_, i) => i / 100);
  const query = Float32Array.from({ length: dims }, (_, j) => j - 3);

  it("the TF.js scorer gives the JS scorer's scores, with and without the bias, and refuses use after release", async () => {
    const js = createJsDenseScorer(rows, bias);
    const tensor = await createTensorDenseScorer(rows, bias, dims);
    expect(tensor?.engine).toBe("tensor");
    for (const withBias of [true, false]) {
      const expected = new Float32Array(count);
      const actual = new Float32Array(count);
      js.score(query, expected, withBias);
      tensor?.score(query, actual, withBias);
      for (let i = 0; i < count; i++) expect(actual[i]).toBeCloseTo(expected[i] ?? Number.NaN, 4);
    }
    expect(Math.abs((scoreOf(js, 3, true) ?? 0) - (scoreOf(js, 3, false) ?? 0) - 0.03)).toBeLessThan(1e-6);
    tensor?.release();
    expect(() => tensor?.score(query, new Float32Array(count), true)).toThrow(/released/);
  });

  function scoreOf(scorer: ReturnType<typeof createJsDenseScorer>, i: number, withBias: boolean) {
    const out = new Float32Array(count);
    scorer.score(query, out, withBias);
    return out[i];
  }
});

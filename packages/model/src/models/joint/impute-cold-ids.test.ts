import { describe, expect, it } from "vitest";
import { createTinyJointNetwork } from "./tiny-joint-network";

describe("imputeColdIds (serving matrices)", () => {
  it.each([1, 0.5, 0.1])(
    "gives an unsold item the exp(Eo_j·z_i / %s)-weighted id embedding and bias of the bought items, leaves bought ones",
    (temperature) => {
      const plain = createTinyJointNetwork({ imputeColdIds: false }).network.computeItemMatrix();
      const { network } = createTinyJointNetwork({ imputeColdIds: true, coldIdTemperature: temperature });
      const imputed = network.computeItemMatrix();
      const d = network.d;
      const bought = Array.from({ length: network.shape.items }, (_, i) => i).filter((i) => network.usesId(i));
      for (const item of [3, 7]) {
        const z = plain.vectors.subarray(item * d, item * d + d);
        const logits = bought.map((j) =>
          z.reduce((sum, value, k) => sum + value * (network.itemOut.weights[j * d + k] as number), 0),
        );
        const max = Math.max(...logits);
        const exps = logits.map((value) => Math.exp((value - max) / temperature));
        const total = exps.reduce((sum, value) => sum + value, 0);
        const p = exps.map((value) => value / total);
        const expectedBias = bought.reduce(
          (sum, j, t) => sum + (p[t] as number) * (network.itemBias.weights[j] as number),
          0,
        );
        expect(imputed.bias[item]).toBeCloseTo((plain.bias[item] as number) + expectedBias, 5);
        for (let k = 0; k < d; k++) {
          const expected = bought.reduce(
            (sum, j, t) => sum + (p[t] as number) * (network.itemOut.weights[j * d + k] as number),
            0,
          );
          expect(imputed.vectors[item * d + k]).toBeCloseTo((z[k] as number) + expected, 5);
        }
      }
      for (const item of bought) expect(imputed.bias[item]).toBe(plain.bias[item]);
      // Each unsold item keeps its largest-p bought neighbours (renormalised) for the item–item term; sold items none.
      const { indptr, indices, weights } = imputed.coldNeighbours;
      for (const item of bought) expect(indptr[item + 1]).toBe(indptr[item]);
      for (const item of [3, 7]) {
        const from = indptr[item] as number;
        const to = indptr[item + 1] as number;
        expect(to - from).toBe(Math.min(16, bought.length));
        const kept = Array.from(indices.subarray(from, to));
        expect(kept.every((j) => bought.includes(j))).toBe(true);
        expect(Array.from(weights.subarray(from, to)).reduce((sum, w) => sum + w, 0)).toBeCloseTo(1, 5);
      }
    },
  );

  it("leans on the nearest behaviour neighbour as the temperature falls", () => {
    const plain = createTinyJointNetwork({ imputeColdIds: false }).network.computeItemMatrix();
    const d = plain.vectors.length / plain.bias.length;
    const distanceToNearest = (temperature: number): number => {
      const { network } = createTinyJointNetwork({ imputeColdIds: true, coldIdTemperature: temperature });
      const imputed = network.computeItemMatrix();
      const bought = Array.from({ length: network.shape.items }, (_, i) => i).filter((i) => network.usesId(i));
      const item = 3;
      const z = plain.vectors.subarray(item * d, item * d + d);
      const affinity = (j: number) =>
        z.reduce((sum, value, k) => sum + value * (network.itemOut.weights[j * d + k] as number), 0);
      const nearest = bought.reduce((best, j) => (affinity(j) > affinity(best) ? j : best), bought[0] as number);
      let squared = 0;
      for (let k = 0; k < d; k++) {
        const idPart = (imputed.vectors[item * d + k] as number) - (z[k] as number);
        squared += (idPart - (network.itemOut.weights[nearest * d + k] as number)) ** 2;
      }
      return Math.sqrt(squared);
    };
    const flat = distanceToNearest(1);
    const sharp = distanceToNearest(0.01);
    expect(sharp).toBeLessThan(flat / 10);
  });
});

import type { Rng } from "@jewelguide/model";

/** Draws index i with probability weights[i] / Σ weights: a cumulative table and a binary search (O(log n) a draw). */
export type WeightedSampler = { size: number; draw(rng: Rng): number };

/** Throws on an empty list, a negative or non-finite weight, or weights that sum to zero. */
export function createWeightedSampler(weights: ArrayLike<number>): WeightedSampler {
  if (weights.length === 0) throw new Error("createWeightedSampler: no weights");
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const weight = weights[i] ?? Number.NaN;
    if (!Number.isFinite(weight) || weight < 0) {
      throw new Error(`createWeightedSampler: weight ${i} is ${weight}, not a finite number ≥ 0`);
    }
    total += weight;
    cumulative[i] = total;
  }
  if (total <= 0) throw new Error("createWeightedSampler: the weights sum to 0");
  return {
    size: weights.length,
    draw(rng) {
      const target = rng.next() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((cumulative[middle] ?? 0) > target) high = middle;
        else low = middle + 1;
      }
      return low;
    },
  };
}

import { describe, expect, it } from "vitest";
import { multiplyTransposedJs } from "../../linalg/multiply-transposed";
import { createRng } from "../../random/create-rng";
import { centralDifferences, norm, relativeError } from "./finite-differences";
import { logSumExp } from "./reference-joint-loss";
import { sampledSoftmax } from "./sampled-softmax";

/**
 * The sampled softmax's hand-written gradients against central differences of the same loss written plainly in
 * float64. The kernel works in float32 (6e-8 unit roundoff, sums of a few terms per entry): its gradients come within
 * about 1e-7 of the truth, and the differences (h = 1e-6 in float64) within ~1e-10; 1e-5 leaves two orders of
 * magnitude for roundoff, while a wrong sign, a missing term or a wrong scale shows as an error of 1e-1 or more.
 */
const TOLERANCE = 1e-5;
const d = 3;
const B = 4;
const n = 7;
const targetSlots = Int32Array.from([0, 1, 2, 0]);
/** Slot s holds item 10 + s; negatives repeat a slot, hit example 0's target and example 1's history. */
const targetItems = Int32Array.from(targetSlots, (s) => 10 + s);
const negativeSlots = Int32Array.from([3, 4, 4, 5, 0, 6]);
const negativeItems = Int32Array.from(negativeSlots, (s) => 10 + s);
const histories = [new Set<number>(), new Set([15]), new Set([13]), new Set<number>()];
const weights = Float32Array.from([1, 0.5, 0.25, 0.8]);

function draw(length: number, scale: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length }, () => rng.nextNormal() * scale);
}

const users = draw(B * d, 0.8, 1);
const itemVectors = draw(n * d, 0.8, 2);
const itemBias = draw(n, 0.5, 3);
const logQ = Float32Array.from({ length: 20 }, (_, i) => -1 - 0.1 * i);

/** The weighted mean of −log p(target) over [target, unmasked negatives], logits u·o + β − log q. */
function referenceLoss(u: Float64Array, o: Float64Array, beta: Float64Array): number {
  let loss = 0;
  let total = 0;
  for (let b = 0; b < B; b++) {
    const logit = (slot: number, item: number) => {
      let sum = (beta[slot] as number) - (logQ[item] as number);
      for (let k = 0; k < d; k++) sum += (u[b * d + k] as number) * (o[slot * d + k] as number);
      return sum;
    };
    const target = targetItems[b] as number;
    const logits = [logit(targetSlots[b] as number, target)];
    negativeSlots.forEach((slot, j) => {
      const item = negativeItems[j] as number;
      if (item !== target && !histories[b]?.has(item)) logits.push(logit(slot, item));
    });
    loss += (weights[b] as number) * (logSumExp(logits) - (logits[0] as number));
    total += weights[b] as number;
  }
  return loss / total;
}

describe("sampledSoftmax gradients", () => {
  it("match central differences of the float64 loss for the users, item vectors and item biases", () => {
    const dItemVectors = new Float32Array(n * d);
    const dItemBias = new Float32Array(n);
    const result = sampledSoftmax(
      {
        d,
        users,
        itemVectors,
        itemBias,
        targetSlots,
        targetItems,
        weights,
        isInHistory: (example, item) => histories[example]?.has(item) === true,
        negativeSlots,
        negativeItems,
        logQ,
      },
      multiplyTransposedJs,
      dItemVectors,
      dItemBias,
    );
    const u = Float64Array.from(users);
    const o = Float64Array.from(itemVectors);
    const beta = Float64Array.from(itemBias);
    const loss = () => referenceLoss(u, o, beta);
    expect(result.loss).toBeCloseTo(loss(), 5);
    const checks: [string, Float32Array, Float64Array][] = [
      ["users", result.dUsers, centralDifferences(u, loss)],
      ["item vectors", dItemVectors, centralDifferences(o, loss)],
      ["item biases", dItemBias, centralDifferences(beta, loss)],
    ];
    for (const [name, analytic, numeric] of checks) {
      expect(norm(numeric), name).toBeGreaterThan(1e-3);
      expect(relativeError(analytic, numeric), name).toBeLessThan(TOLERANCE);
    }
  });
});

import { createRng } from "@jewelguide/model";
import { describe, expect, it } from "vitest";
import { crossValidateSoftmaxProbe } from "../src/features/cross-validate-softmax-probe";
import { findCosineNeighbours } from "../src/features/find-cosine-neighbours";
import { probeGemOf, probeMetalOf } from "../src/features/read-labelled-photos";

describe("feature benchmark parts", () => {
  it("the softmax probe learns three separable classes and beats the majority baseline", () => {
    const rng = createRng(3);
    const dims = 20;
    const labels: string[] = [];
    const features = new Float32Array(150 * dims);
    for (let i = 0; i < 150; i++) {
      const c = i % 3;
      labels.push(["gold", "white", "rose"][c] ?? "");
      for (let d = 0; d < dims; d++) features[i * dims + d] = rng.nextNormal() + (d === c ? 3 : 0);
    }
    const result = crossValidateSoftmaxProbe(features, dims, labels, { folds: 5 });
    expect(result.n).toBe(150);
    expect(result.accuracy).toBeGreaterThan(0.9);
    expect(result.majorityAccuracy).toBeLessThan(0.4);
  });

  it("finds cosine neighbours without the query itself", () => {
    const vectors = new Float32Array([1, 0, 0.9, 0.1, 0, 1, 0.1, 0.9]);
    const [first, third] = findCosineNeighbours(vectors, 4, 2, 1, [0, 2]);
    expect([...(first ?? [])]).toEqual([1]);
    expect([...(third ?? [])]).toEqual([3]);
  });

  it("maps listed materials to probe labels", () => {
    expect(probeMetalOf("Gold,White Gold,Diamond")).toBe("white");
    expect(probeMetalOf("Gold,Diamond,Rose Gold")).toBe("rose");
    expect(probeMetalOf("Gold")).toBe("gold");
    expect(probeMetalOf("Diamond")).toBeUndefined();
    expect(probeGemOf("Gold,Diamond,Pearl")).toBe("diamond");
    expect(probeGemOf("Gold,Ruby")).toBe("coloured");
    expect(probeGemOf("Gold,")).toBe("none");
  });
});

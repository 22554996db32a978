import { describe, expect, it, vi } from "vitest";
import type { CatalogItem, Interaction } from "../../data/interaction";
import { createInteractionDataset } from "../../data/interaction-dataset";
import { createRecommender } from "../../registry";
import type { JointExample } from "./joint-network";

// Records every training step's batch (the step itself still runs).
const steps = vi.hoisted(() => ({ batches: [] as Array<Array<{ user: number; target: number }>> }));
vi.mock("./train-joint-step", async (importOriginal) => {
  const original = await importOriginal<typeof import("./train-joint-step")>();
  return {
    trainJointStep: (...args: Parameters<typeof original.trainJointStep>) => {
      steps.batches.push(args[1].map((example: JointExample) => ({ user: example.user, target: example.target })));
      return original.trainJointStep(...args);
    },
  };
});

const catalog: CatalogItem[] = Array.from({ length: 30 }, (_, i) => ({
  itemId: `i${i}`,
  category: i % 2 === 0 ? "ring" : "pendant",
  metal: "gold",
  gem: null,
  color: null,
  gender: null,
  price: 100 + i,
  brand: null,
}));
// 50 shoppers × 6 distinct items: 300 examples (one per history position).
const interactions: Interaction[] = Array.from({ length: 300 }, (_, k) => ({
  userId: `u${Math.floor(k / 6)}`,
  itemId: `i${(k * 7) % 30}`,
  type: "purchase",
  timestamp: k,
}));
const dataset = createInteractionDataset({ interactions, catalog });
const EXAMPLES = dataset.matrix.indices.length;
const TINY = { dims: 8, epochs: 3, batchSize: 32, negatives: 8 };

async function fitAndRecord(config: Record<string, unknown>) {
  steps.batches = [];
  const model = createRecommender("joint", { ...TINY, ...config });
  await model.fit(dataset, { seed: 3 });
  return { model, batches: steps.batches };
}

/** The examples of each epoch, as "user:target" keys (an epoch is ⌈examples / batch⌉ steps). */
function epochs(batches: Array<Array<{ user: number; target: number }>>, perEpoch: number) {
  const keys = batches.flat().map((example) => `${example.user}:${example.target}`);
  return Array.from({ length: keys.length / perEpoch }, (_, e) => keys.slice(e * perEpoch, (e + 1) * perEpoch));
}

describe("joint model: maxExamplesPerEpoch", () => {
  it("trains every example each epoch while the shop has no more than the cap (the default cap is far above)", async () => {
    expect(EXAMPLES).toBe(300);
    const { batches } = await fitAndRecord({});
    const seen = epochs(batches, EXAMPLES);
    expect(seen).toHaveLength(3);
    for (const epoch of seen) expect(new Set(epoch).size).toBe(EXAMPLES);
    const atCount = await fitAndRecord({ maxExamplesPerEpoch: EXAMPLES });
    expect(atCount.batches).toEqual(batches);
  });

  it("past the cap, each epoch trains on exactly that many distinct examples, a different seeded sample each time", async () => {
    const { batches, model } = await fitAndRecord({ maxExamplesPerEpoch: 100 });
    expect(batches.map((batch) => batch.length)).toEqual([32, 32, 32, 4, 32, 32, 32, 4, 32, 32, 32, 4]);
    const seen = epochs(batches, 100);
    for (const epoch of seen) expect(new Set(epoch).size).toBe(100);
    expect(new Set(seen.flat()).size).toBeGreaterThan(100);
    const again = await fitAndRecord({ maxExamplesPerEpoch: 100 });
    expect(again.batches).toEqual(batches);
    expect(again.model.recommend("u0", { k: 5 })).toEqual(model.recommend("u0", { k: 5 }));
  });

  it("refuses a cap that is not a positive whole number, naming it", () => {
    expect(() => createRecommender("joint", { maxExamplesPerEpoch: 0 })).toThrow(/maxExamplesPerEpoch/);
    expect(() => createRecommender("joint", { maxExamplesPerEpoch: 2.5 })).toThrow(/maxExamplesPerEpoch/);
  });
});

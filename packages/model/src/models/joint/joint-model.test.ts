import { describe, expect, it } from "vitest";
import type { CatalogItem, Interaction } from "../../data/interaction";
import { createInteractionDataset } from "../../data/interaction-dataset";
import { createRng } from "../../random/create-rng";
import { createRecommender } from "../../registry";

/**
 * A tiny shop: 4 categories × 10 items; each shopper buys within one category, in time order. Items r9/e9/p9/b9
 * are new: in the catalog, never bought.
 */
const PREFIX: Record<string, CatalogItem["category"]> = { r: "ring", e: "earring", p: "pendant", b: "bracelet" };
const catalog: CatalogItem[] = Object.entries(PREFIX).flatMap(([prefix, category]) =>
  Array.from({ length: 10 }, (_, i) => ({
    itemId: `${prefix}${i}`,
    category,
    metal: prefix === "r" || prefix === "e" ? "gold" : "silver",
    gem: null,
    color: null,
    gender: null,
    price: 100 + i,
    brand: null,
  })),
);

function buildInteractions(seed: number): Interaction[] {
  const rng = createRng(seed);
  const rows: Interaction[] = [];
  for (let u = 0; u < 120; u++) {
    const prefix = Object.keys(PREFIX)[u % 4] ?? "r";
    for (let t = 0; t < 4; t++) {
      rows.push({ userId: `u${u}`, itemId: `${prefix}${rng.nextInt(9)}`, type: "purchase", timestamp: u * 100 + t });
    }
  }
  return rows;
}

const dataset = createInteractionDataset({ interactions: buildInteractions(5), catalog });
const TINY = { dims: 16, epochs: 25, batchSize: 32, negatives: 16, learningRate: 0.1 };

describe("joint model", () => {
  it("scores a new item from its content: a ring shopper's new ring beats the other new items", async () => {
    const model = createRecommender("joint", TINY);
    await model.fit(dataset, { seed: 2 });
    const ranked = model
      .recommend("u0", { k: 40, allowItemIds: ["r9", "e9", "p9", "b9"] })
      .map((recommendation) => recommendation.itemId);
    expect(ranked[0]).toBe("r9");
  });

  it("folds a new shopper's recent items into the user vector (real time, no retraining)", async () => {
    const model = createRecommender("joint", TINY);
    await model.fit(dataset, { seed: 2 });
    const picks = model.recommend({ recentItemIds: ["p1", "p2", "p3"] }, { k: 5 }).map((r) => r.itemId);
    expect(picks.every((itemId) => itemId.startsWith("p"))).toBe(true);
  });

  it("gives the same losses with the TensorFlow.js and the plain-JS dense products", async () => {
    const losses = async (denseBackend: "tfjs" | "js") => {
      const seen: number[] = [];
      const model = createRecommender("joint", { ...TINY, epochs: 3, denseBackend });
      await model.fit(dataset, {
        seed: 4,
        onProgress: (progress) => {
          if (progress.epoch !== undefined) seen.push(progress.loss ?? Number.NaN);
        },
      });
      return seen;
    };
    const [tfjs, js] = [await losses("tfjs"), await losses("js")];
    expect(tfjs).toHaveLength(3);
    tfjs.forEach((loss, epoch) => {
      expect(loss).toBeCloseTo(js[epoch] ?? Number.NaN, 3);
    });
  });

  it("trains every ablation to finite scores", async () => {
    for (const ablation of [{ useIds: false }, { useContent: false }, { itemLossWeight: 0 }, { userLossWeight: 0 }]) {
      const model = createRecommender("joint", { ...TINY, epochs: 2, ...ablation });
      const report = await model.fit(dataset, { seed: 1 });
      expect(report.epochs).toBe(2);
      expect(Array.from(model.scoreUser("u1")).every(Number.isFinite)).toBe(true);
    }
  });
});

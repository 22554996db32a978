import { describe, expect, it } from "vitest";
import type { CatalogItem, Interaction } from "../../data/interaction";
import { createInteractionDataset } from "../../data/interaction-dataset";
import { createRng } from "../../random/create-rng";
import { createRecommender } from "../../registry";
import { decodeModelArtifact } from "../../serialization/model-artifact";
import { BaseRecommender } from "../base-recommender";
import { addColdNeighbourScores, addItemItemScores, sparsifyItemItem } from "./item-item-term";

describe("item-item term: sparse rows of EASE's B", () => {
  it("keeps each row's weights of largest magnitude, mapped to catalog indices", () => {
    // Modelled items 1, 3, 4 of a 5-item catalog; B rows: from 1: [0, .5, -.7], from 3: [.1, 0, .3], from 4: [.4, .2, 0].
    const term = sparsifyItemItem(
      Int32Array.from([1, 3, 4]),
      Float32Array.from([0, 0.5, -0.7, 0.1, 0, 0.3, 0.4, 0.2, 0]),
      5,
      1,
    );
    expect(Array.from(term.indptr)).toEqual([0, 0, 1, 1, 2, 3]);
    expect(Array.from(term.indices)).toEqual([4, 4, 1]);
    expect(Array.from(term.values)).toEqual([-0.7, 0.3, 0.4].map(Math.fround));
    const out = new Float32Array(5);
    addItemItemScores(term, [1, 3], [1, 0.5], 2, out);
    expect(out[4]).toBeCloseTo(2 * -0.7 + 2 * 0.5 * 0.3, 6);
    expect(Array.from(out.subarray(0, 4))).toEqual([0, 0, 0, 0]);
  });
});

describe("item-item term for unsold items", () => {
  it("scores an unsold item as the weighted mixture of its sold neighbours' terms", () => {
    const scores = Float32Array.from([2, 4, 0, 8]);
    // Item 2 is unsold: neighbours 1 (0.75) and 3 (0.25).
    addColdNeighbourScores(
      {
        indptr: Int32Array.from([0, 0, 0, 2, 2]),
        indices: Int32Array.from([1, 3]),
        weights: Float32Array.from([0.75, 0.25]),
      },
      scores,
    );
    expect(Array.from(scores)).toEqual([2, 4, 0.75 * 4 + 0.25 * 8, 8]);
  });
});

const catalog: CatalogItem[] = Array.from({ length: 24 }, (_, i) => ({
  itemId: `i${i}`,
  category: (["ring", "earring", "pendant"] as const)[i % 3] ?? "ring",
  metal: i % 2 === 0 ? "gold" : "silver",
  gem: null,
  color: null,
  gender: null,
  price: 100 + i,
  brand: null,
}));

function interactions(): Interaction[] {
  const rng = createRng(9);
  const rows: Interaction[] = [];
  for (let u = 0; u < 80; u++) {
    const base = rng.nextInt(20);
    // Baskets of two bought together, then a later single item: co-purchase structure for B.
    rows.push({ userId: `u${u}`, itemId: `i${base}`, type: "purchase", timestamp: u * 10 });
    rows.push({ userId: `u${u}`, itemId: `i${base + 1}`, type: "purchase", timestamp: u * 10 });
    rows.push({ userId: `u${u}`, itemId: `i${(base + 3) % 22}`, type: "purchase", timestamp: u * 10 + 5 });
  }
  return rows;
}

const dataset = createInteractionDataset({ interactions: interactions(), catalog });
const TINY = { dims: 8, epochs: 2, batchSize: 32, negatives: 8 };
const TERM = { itemItemLambda: 5, itemItemDecay: 0.5, itemItemNeighbours: 1000 };

describe("joint model with the item-item term", () => {
  it("scores the towers plus w × ease-recency's score (same λ and decay), and stores the term in its artifact", async () => {
    const model = createRecommender("joint", { ...TINY, ...TERM, itemItemWeight: 3 });
    await model.fit(dataset, { seed: 1 });
    const artifact = decodeModelArtifact(model.serialize());
    const towersOnly = createRecommender("joint", { ...TINY, ...TERM, itemItemWeight: 0 });
    if (!(towersOnly instanceof BaseRecommender)) throw new Error("joint is a BaseRecommender");
    towersOnly.loadArtifact(artifact);
    const ease = createRecommender("ease-recency", { lambda: 5, recencyDecay: 0.5 });
    await ease.fit(dataset, { seed: 1 });
    const reloaded = createRecommender("joint", { ...TINY, ...TERM, itemItemWeight: 3 });
    if (!(reloaded instanceof BaseRecommender)) throw new Error("joint is a BaseRecommender");
    reloaded.loadArtifact(artifact);
    for (const user of ["u0", "u7", "u33"]) {
      const combined = model.scoreUser(user);
      const towers = towersOnly.scoreUser(user);
      const linear = ease.scoreUser(user);
      // Sold items: exactly the towers plus 3 × ease-recency. Unsold items (i22, i23) have no row or column in B:
      // theirs is a convex mixture of their sold neighbours' terms.
      const soldTerms: number[] = [];
      combined.forEach((score, j) => {
        if (j >= 22) return;
        expect(score).toBeCloseTo((towers[j] as number) + 3 * (linear[j] as number), 4);
        soldTerms.push(3 * (linear[j] as number));
      });
      for (const j of [22, 23]) {
        const term = (combined[j] as number) - (towers[j] as number);
        expect(term).toBeGreaterThanOrEqual(Math.min(...soldTerms) - 1e-4);
        expect(term).toBeLessThanOrEqual(Math.max(...soldTerms) + 1e-4);
        expect(linear[j]).toBe(0);
      }
      expect(Array.from(reloaded.scoreUser(user))).toEqual(Array.from(combined));
    }
  });

  it("loads an artifact stored before the term existed and scores it with the towers alone", async () => {
    const model = createRecommender("joint", { ...TINY, ...TERM, itemItemWeight: 0 });
    await model.fit(dataset, { seed: 1 });
    const artifact = decodeModelArtifact(model.serialize());
    delete artifact.arrays.itemItemIndptr;
    delete artifact.arrays.itemItemIndices;
    delete artifact.arrays.itemItemValues;
    const reloaded = createRecommender("joint", { ...TINY, ...TERM, itemItemWeight: 3 });
    if (!(reloaded instanceof BaseRecommender)) throw new Error("joint is a BaseRecommender");
    reloaded.loadArtifact(artifact);
    expect(Array.from(reloaded.scoreUser("u3"))).toEqual(Array.from(model.scoreUser("u3")));
  });

  it("skips the term, and says so, when the sold items exceed itemItemMaxItems", async () => {
    const stages: string[] = [];
    const model = createRecommender("joint", { ...TINY, ...TERM, itemItemWeight: 3, itemItemMaxItems: 10 });
    await model.fit(dataset, { seed: 1, onProgress: (progress) => stages.push(progress.stage) });
    expect(stages.some((stage) => stage.startsWith("item-item term skipped: 22 sold items > 10"))).toBe(true);
    const towersOnly = createRecommender("joint", { ...TINY, ...TERM, itemItemWeight: 0 });
    await towersOnly.fit(dataset, { seed: 1 });
    expect(Array.from(model.scoreUser("u3"))).toEqual(Array.from(towersOnly.scoreUser("u3")));
  });
});

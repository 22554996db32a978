import { describe, expect, it } from "vitest";
import { createInteractionDataset } from "./data/interaction-dataset";
import { createRecommender, deserializeRecommender, listRecommenderKinds, type RecommenderKind } from "./registry";
import { createCheckerboardCatalog, createCheckerboardInteractions } from "./testing/synthetic-data";

/** Small-data settings where a default would be tuned for catalog-sized data. */
const TINY_CONFIGS: Partial<Record<RecommenderKind, Record<string, unknown>>> = {
  ease: { lambda: 1 },
  "ease-recency": { lambda: 1, recencyDecay: 0.5 },
  itemknn: { shrink: 0 },
  bpr: { factors: 8, epochs: 40, learningRate: 0.1 },
  fpmc: { factors: 8, epochs: 40, learningRate: 0.1, recencyDecay: 0.5 },
  joint: {
    dims: 8,
    epochs: 40,
    batchSize: 8,
    negatives: 8,
    learningRate: 0.1,
    idDropout: 0,
    initScale: 0.1,
    recencyDecay: 1,
  },
};

const dataset = createInteractionDataset({ interactions: createCheckerboardInteractions() });
/** The same shoppers with a catalog whose attributes follow the checkerboard, for models that read only content. */
const datasetWithCatalog = createInteractionDataset({
  interactions: createCheckerboardInteractions(),
  catalog: createCheckerboardCatalog(),
});
const CONTENT_ONLY_KINDS: readonly RecommenderKind[] = ["attribute-knn"];

async function fitModel(kind: RecommenderKind, seed = 1) {
  const model = createRecommender(kind, TINY_CONFIGS[kind] ?? {});
  await model.fit(CONTENT_ONLY_KINDS.includes(kind) ? datasetWithCatalog : dataset, { seed });
  return model;
}

describe.each(listRecommenderKinds())("recommender contract: %s", (kind) => {
  it("ranks the held-out item first", async () => {
    const model = await fitModel(kind);
    expect(model.recommend("u0", { k: 1 })[0]?.itemId).toBe("i0");
  });

  it("never recommends the user's own items, and honours exclusions, filters and allow-lists", async () => {
    const model = await fitModel(kind);
    const seen = new Set(["i2", "i4", "i6", "i8"]);
    const all = model.recommend("u1", { k: 20 });
    expect(all.every((r) => !seen.has(r.itemId))).toBe(true);
    expect(all).toHaveLength(10);
    expect(model.recommend("u0", { k: 3, exclude: ["i0"] }).map((r) => r.itemId)).not.toContain("i0");
    const odd = model.recommend("u0", { k: 5, filter: (index) => model.items.idAt(index).endsWith("1") });
    expect(odd.map((r) => r.itemId).every((id) => id.endsWith("1"))).toBe(true);
    expect(
      model
        .recommend("u0", { k: 5, allowItemIds: ["i3", "i5", "nope"] })
        .map((r) => r.itemId)
        .sort(),
    ).toEqual(["i3", "i5"]);
    const similar = model.similarItems("i2", 3);
    expect(similar).toHaveLength(3);
    expect(similar.map((r) => r.itemId)).not.toContain("i2");
  });

  it("serialises and restores to identical scores", async () => {
    const model = await fitModel(kind);
    const restored = deserializeRecommender(model.serialize());
    expect(restored.kind).toBe(kind);
    expect(restored.config).toEqual(model.config);
    for (const user of ["u0", "u33", { recentItemIds: ["i1", "i3"] }, { recentItemIds: [] }] as const) {
      expect(Array.from(restored.scoreUser(user))).toEqual(Array.from(model.scoreUser(user)));
    }
    expect(restored.similarItems("i2", 5)).toEqual(model.similarItems("i2", 5));
  });

  it("is deterministic under a seed", async () => {
    const a = await fitModel(kind, 3);
    const b = await fitModel(kind, 3);
    expect(Array.from(a.scoreUser("u5"))).toEqual(Array.from(b.scoreUser("u5")));
  });

  it("folds in a cold user from recent items, and falls back to popularity with nothing known", async () => {
    const model = await fitModel(kind);
    const cold = model.recommend({ recentItemIds: ["i2", "i4", "unknown-sku"] }, { k: 3 });
    expect(cold.map((r) => r.itemId)).not.toContain("i2");
    if (kind !== "popularity") expect(cold.every((r) => Number(r.itemId.slice(1)) % 2 === 0)).toBe(true);
    const nobody = model.recommend({ recentItemIds: [] }, { k: 1 });
    expect(nobody[0]?.itemId).toBe("i2"); // even items are the most popular; i0 has one buyer fewer
  });

  it("says which items it learned from behaviour: none of a catalog item nobody interacted with", async () => {
    const catalog = createCheckerboardCatalog();
    const unsold = { ...(catalog[1] as (typeof catalog)[number]), itemId: "i-unsold" };
    const withUnsold = createInteractionDataset({
      interactions: createCheckerboardInteractions(),
      catalog: [...catalog, unsold],
    });
    const model = createRecommender(kind, TINY_CONFIGS[kind] ?? {});
    await model.fit(withUnsold, { seed: 1 });
    const learned = (m: typeof model) => m.items.ids().filter((_, index) => m.learnedFromBehaviour(index));
    expect(model.learnedFromBehaviour(model.items.indexOf("i-unsold"))).toBe(false);
    expect(learned(model)).toEqual(model.items.ids().filter((id) => id !== "i-unsold"));
    expect(learned(deserializeRecommender(model.serialize()))).toEqual(learned(model));
  });

  it("names unknown ids and refuses to score before fit", async () => {
    const model = await fitModel(kind);
    expect(() => model.recommend("nobody")).toThrow(/Unknown user id 'nobody'/);
    expect(() => model.similarItems("sku-404")).toThrow(/Unknown item id 'sku-404'/);
    expect(() => createRecommender(kind).recommend("u0")).toThrow(/not fitted/);
  });
});

describe("registry", () => {
  it("rejects unknown kinds and invalid configs with readable errors", () => {
    expect(() => createRecommender("nope")).toThrow(/Unknown recommender kind 'nope'. Registered kinds: popularity/);
    expect(() => createRecommender("ease", { lambda: -1 })).toThrow(/Invalid ease config: lambda/);
  });

  it("fills documented defaults", () => {
    expect(createRecommender("ease").config).toMatchObject({ lambda: 500, minItemUsers: 1, values: "binary" });
  });
});

import { describe, expect, it } from "vitest";
import type { CatalogItem, Interaction } from "../data/interaction";
import { createInteractionDataset } from "../data/interaction-dataset";
import { createRecommender } from "../registry";

function item(itemId: string, category: CatalogItem["category"], metal: CatalogItem["metal"]): CatalogItem {
  return { itemId, category, metal, gem: null, color: null, gender: null, price: 200, brand: null };
}

const catalog = [
  item("ring-a", "ring", "gold"),
  item("ring-b", "ring", "gold"),
  item("ring-new", "ring", "gold"),
  item("earring-a", "earring", "silver"),
  item("earring-new", "earring", "silver"),
];
const purchase = (userId: string, itemId: string, timestamp: number): Interaction => ({
  userId,
  itemId,
  type: "purchase",
  timestamp,
});

describe("attribute-knn", () => {
  it("ranks an item nobody bought by its content, next to the history's latest basket", async () => {
    const dataset = createInteractionDataset({
      catalog,
      interactions: [
        purchase("u", "earring-a", 1_000),
        purchase("u", "ring-a", 2_000),
        purchase("v", "ring-b", 1_000),
        purchase("v", "earring-a", 1_000),
      ],
    });
    const model = createRecommender("attribute-knn", { recencyDecay: 0.1 });
    expect(model.scoresUnseenItems).toBe(true);
    await model.fit(dataset);
    // u's latest purchase is a gold ring: the unbought gold ring comes first, the silver earring after.
    expect(
      model
        .recommend("u", { k: 2 })
        .map((r) => r.itemId)
        .sort(),
    ).toEqual(["ring-b", "ring-new"]);
    const scores = model.scoreUser("u");
    expect(scores[dataset.items.indexOf("ring-new")]).toBeCloseTo(scores[dataset.items.indexOf("ring-b")] as number, 6);
    expect(scores[dataset.items.indexOf("ring-new")]).toBeGreaterThan(
      scores[dataset.items.indexOf("earring-new")] as number,
    );
    expect(model.similarItems("ring-a", 3).map((r) => r.itemId)[2]).toBe("earring-a");
  });

  it("collaborative models say they cannot score unseen items; the joint model can only with content", () => {
    expect(createRecommender("ease").scoresUnseenItems).toBe(false);
    expect(createRecommender("bpr").scoresUnseenItems).toBe(false);
    expect(createRecommender("joint").scoresUnseenItems).toBe(true);
    expect(createRecommender("joint", { useContent: false }).scoresUnseenItems).toBe(false);
  });
});

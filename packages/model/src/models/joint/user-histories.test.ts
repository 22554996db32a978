import { describe, expect, it } from "vitest";
import { createInteractionDataset } from "../../data/interaction-dataset";
import { purchaseTieKey } from "../../data/purchase-order";
import { basketsOnePerItem, buildUserHistories, historyWeights, olderBasketStart } from "./user-histories";

describe("buildUserHistories", () => {
  // Shopper w bought p1 at t=1, then p2 and p3 together at t=5, then p4 at t=9.
  const dataset = createInteractionDataset({
    interactions: [
      { userId: "w", itemId: "p3", type: "purchase", timestamp: 5 },
      { userId: "w", itemId: "p1", type: "purchase", timestamp: 1 },
      { userId: "w", itemId: "p4", type: "purchase", timestamp: 9 },
      { userId: "w", itemId: "p2", type: "purchase", timestamp: 5 },
    ],
  });
  const histories = buildUserHistories(dataset);
  const ids = Array.from(histories.items, (index) => dataset.items.idAt(index));

  it("orders newest first, a basket by the split's tie rule reversed, and ranks baskets", () => {
    const [later, earlier] = purchaseTieKey("w", "p2") > purchaseTieKey("w", "p3") ? ["p2", "p3"] : ["p3", "p2"];
    expect(ids).toEqual(["p4", later, earlier, "p1"]);
    expect(Array.from(histories.baskets)).toEqual([0, 1, 1, 2]);
  });

  it("starts a target's history after its own basket", () => {
    expect(olderBasketStart(histories, 0, 4)).toBe(1);
    expect(olderBasketStart(histories, 1, 4)).toBe(3);
    expect(olderBasketStart(histories, 2, 4)).toBe(3);
    expect(olderBasketStart(histories, 3, 4)).toBe(4);
  });

  it("gives the items of one basket the same recency weight", () => {
    const weights = historyWeights(new Float32Array([1, 1, 1, 1]), histories.baskets, 0.5);
    const total = 1 + 0.5 + 0.5 + 0.25;
    expect(Array.from(weights)).toEqual([1 / total, 0.5 / total, 0.5 / total, 0.25 / total].map(Math.fround));
    // Relative to the newest basket given, and decay 0 keeps that basket alone.
    expect(Array.from(historyWeights(new Float32Array([1, 1, 1]), new Int32Array([1, 1, 2]), 0))).toEqual([
      0.5, 0.5, 0,
    ]);
  });

  it("reads a model stored before baskets as one basket per item", () => {
    expect(Array.from(basketsOnePerItem(new Int32Array([0, 3, 3, 5]), 5))).toEqual([0, 1, 2, 0, 1]);
  });
});

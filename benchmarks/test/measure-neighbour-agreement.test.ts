import { createInteractionDataset, createRecommender, type Interaction } from "@jewelguide/model";
import { describe, expect, it } from "vitest";
import { type ItemAttributes, measureNeighbourAgreement } from "../src/similar/measure-neighbour-agreement";

describe("measureNeighbourAgreement", () => {
  it("counts the share of neighbours with the query's category and metal", async () => {
    // Shoppers buy within one of two blocks: rings (gold) r0–r4 and pendants (silver) p0–p4.
    const rows: Interaction[] = [];
    for (let u = 0; u < 60; u++) {
      const prefix = u % 2 === 0 ? "r" : "p";
      for (let t = 0; t < 3; t++) {
        rows.push({ userId: `u${u}`, itemId: `${prefix}${(u + t) % 5}`, type: "purchase", timestamp: u * 10 + t });
      }
    }
    const model = createRecommender("itemknn", {});
    await model.fit(createInteractionDataset({ interactions: rows }));
    const attributes = new Map<string, ItemAttributes>();
    for (let i = 0; i < 5; i++) {
      attributes.set(`r${i}`, { category: "ring", metal: "gold" });
      attributes.set(`p${i}`, { category: "pendant", metal: i === 0 ? "gold" : "silver" });
    }
    const agreement = measureNeighbourAgreement(model, attributes, { queries: 10, k: 4, seed: 1 });
    expect(agreement).toMatchObject({ queries: 10, k: 4, sameCategory: 1 });
    // Pendant p0 is gold among silver pendants: its 4 neighbours and one slot of each other pendant differ in metal.
    expect(agreement.sameMetal).toBeCloseTo(1 - 8 / 40, 4);
    expect(agreement.sameBoth).toBe(agreement.sameMetal);
  });
});

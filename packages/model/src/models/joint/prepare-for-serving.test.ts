import { describe, expect, it } from "vitest";
import { createInteractionDataset } from "../../data/interaction-dataset";
import { createRecommender, deserializeRecommender } from "../../registry";
import { createClusteredInteractions } from "../../testing/synthetic-data";

describe("joint model prepared for serving", () => {
  it("scores users and similar items on TF.js exactly as on the JS path, and back after releaseServing", async () => {
    const dataset = createInteractionDataset({ interactions: createClusteredInteractions(3).train });
    const model = createRecommender("joint", { dims: 16, epochs: 2, batchSize: 32, negatives: 8 });
    await model.fit(dataset, { seed: 1 });
    const served = deserializeRecommender(model.serialize());
    const user = "c0u0";
    const item = "item3";
    const before = { scores: served.scoreUser(user), similar: served.similarItems(item, 10) };
    await served.prepareForServing();
    const after = { scores: served.scoreUser(user), similar: served.similarItems(item, 10) };
    for (let i = 0; i < before.scores.length; i++) expect(after.scores[i]).toBeCloseTo(before.scores[i] ?? 0, 4);
    expect(after.similar.map((pick) => pick.itemId)).toEqual(before.similar.map((pick) => pick.itemId));
    served.releaseServing();
    expect(served.similarItems(item, 10).map((pick) => pick.itemId)).toEqual(before.similar.map((pick) => pick.itemId));
  });
});

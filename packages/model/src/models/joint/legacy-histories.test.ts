import { describe, expect, it } from "vitest";
import { createInteractionDataset } from "../../data/interaction-dataset";
import { createRecommender, deserializeRecommender } from "../../registry";
import { decodeModelArtifact, encodeModelArtifact } from "../../serialization/model-artifact";
import { createCheckerboardInteractions } from "../../testing/synthetic-data";

describe("a joint model stored before baskets existed", () => {
  it("loads without historyBaskets and scores as before (one basket per item)", async () => {
    // Every checkerboard purchase has its own timestamp, so baskets and items coincide.
    const model = createRecommender("joint", { dims: 4, epochs: 2, batchSize: 16, negatives: 4 });
    await model.fit(createInteractionDataset({ interactions: createCheckerboardInteractions() }), { seed: 2 });
    const artifact = decodeModelArtifact(model.serialize());
    const { historyBaskets, ...olderArrays } = artifact.arrays;
    expect(historyBaskets).toBeInstanceOf(Int32Array);
    const older = deserializeRecommender(encodeModelArtifact({ ...artifact, arrays: olderArrays }));
    for (const user of ["u3", { userId: "u40", recentItemIds: ["i1", "i2"] }] as const) {
      expect(Array.from(older.scoreUser(user))).toEqual(Array.from(model.scoreUser(user)));
    }
  });
});

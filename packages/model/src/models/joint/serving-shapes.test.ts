import { describe, expect, it } from "vitest";
import { createInteractionDataset } from "../../data/interaction-dataset";
import { createRecommender, deserializeRecommender } from "../../registry";
import { decodeModelArtifact, encodeModelArtifact } from "../../serialization/model-artifact";

const interactions = Array.from({ length: 30 }, (_, k) => ({
  userId: `u${k % 6}`,
  itemId: `i${(k * 7) % 10}`,
  type: "purchase" as const,
  timestamp: k,
}));

async function fitArtifact() {
  const model = createRecommender("joint", { dims: 8, epochs: 1, negatives: 4, denseBackend: "js" });
  await model.fit(createInteractionDataset({ interactions }));
  return decodeModelArtifact(model.serialize());
}

describe("joint model serving shapes", () => {
  it("refuses an artifact whose item bias is shorter than the catalog, naming the array", async () => {
    const artifact = await fitArtifact();
    artifact.arrays.itemBias = new Float32Array(9);
    expect(() => deserializeRecommender(encodeModelArtifact(artifact))).toThrow(
      "joint itemBias has length 9; expected 10.",
    );
  });

  it("refuses a stored history that points past the catalog instead of scoring item 0", async () => {
    const artifact = await fitArtifact();
    const items = Int32Array.from(artifact.arrays.historyItems as Int32Array);
    items[0] = 10;
    artifact.arrays.historyItems = items;
    expect(() => deserializeRecommender(encodeModelArtifact(artifact))).toThrow(
      "joint historyItems[0] = 10 is outside [0, 10).",
    );
  });
});

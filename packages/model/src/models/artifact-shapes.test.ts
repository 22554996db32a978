import { describe, expect, it } from "vitest";
import { createInteractionDataset } from "../data/interaction-dataset";
import { createRecommender, deserializeRecommender, type RecommenderKind } from "../registry";
import { decodeModelArtifact, encodeModelArtifact, type ModelArtifact } from "../serialization/model-artifact";

const dataset = createInteractionDataset({
  interactions: Array.from({ length: 24 }, (_, k) => ({
    userId: `u${k % 4}`,
    itemId: `i${(k * 5) % 8}`,
    type: "purchase" as const,
    timestamp: k,
  })),
});

async function fitArtifact(kind: RecommenderKind): Promise<ModelArtifact> {
  const model = createRecommender(kind, {});
  await model.fit(dataset);
  return decodeModelArtifact(model.serialize());
}

function load(artifact: ModelArtifact) {
  return () => deserializeRecommender(encodeModelArtifact(artifact));
}

describe("stored models with the wrong shape", () => {
  it("are refused on load with the array named, for the shared state of every model", async () => {
    const artifact = await fitArtifact("popularity");
    expect(load({ ...artifact, arrays: { ...artifact.arrays, popularity: new Float32Array(3) } })).toThrow(
      "stored popularity has length 3; expected 8.",
    );
    const indices = Int32Array.from(artifact.arrays.userItemsIndices as Int32Array);
    indices[1] = 8;
    expect(load({ ...artifact, arrays: { ...artifact.arrays, userItemsIndices: indices } })).toThrow(
      "stored user items indices[1] = 8 is outside [0, 8).",
    );
  });

  it("are refused on load for the popularity scores and the item-knn neighbours", async () => {
    const popularity = await fitArtifact("popularity");
    expect(load({ ...popularity, arrays: { ...popularity.arrays, scores: new Float32Array(7) } })).toThrow(
      "popularity scores has length 7; expected 8.",
    );
    const knn = await fitArtifact("itemknn");
    expect(load({ ...knn, arrays: { ...knn.arrays, neighbourData: new Float32Array(1) } })).toThrow(
      /item-knn neighbours data has length 1; expected \d+\./,
    );
  });
});

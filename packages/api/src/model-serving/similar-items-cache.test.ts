import { createInteractionDataset, createRecommender, createRng, type Interaction } from "@jewelguide/model";
import { describe, expect, it } from "vitest";
import { cachedSimilarItems, NEIGHBOUR_LIST_SIZE, nearestNeighbours } from "./similar-items-cache";

/** 500 items in 10 groups; shoppers buy 4 items of one group, and sometimes one of another. */
function interactions(): Interaction[] {
  const rng = createRng(9);
  const rows: Interaction[] = [];
  for (let u = 0; u < 2000; u++) {
    const group = u % 10;
    for (let t = 0; t < 4; t++) {
      const item = rng.nextInt(10) < 8 ? group * 50 + rng.nextInt(50) : rng.nextInt(500);
      rows.push({ userId: `u${u}`, itemId: `i${item}`, type: "purchase", timestamp: u * 10 + t });
    }
  }
  return rows;
}

describe("cachedSimilarItems", async () => {
  const model = createRecommender("itemknn", { neighbours: 400, shrink: 0 });
  await model.fit(createInteractionDataset({ interactions: interactions() }));
  const filters: Array<[string, ((index: number) => boolean) | undefined]> = [
    ["no filter", undefined],
    ["a common filter", (index) => index % 2 === 0],
    ["a rare filter (too few pass within the cached list: full computation)", (index) => index % 97 === 3],
  ];

  it.each(filters)("answers exactly as similarItems with %s, first call and cached", (_name, filter) => {
    for (const itemId of ["i0", "i123", "i499"]) {
      for (const k of [8, 100, NEIGHBOUR_LIST_SIZE + 5]) {
        const expected = model.similarItems(itemId, k, { filter });
        expect(cachedSimilarItems(model, itemId, k, filter)).toEqual(expected);
        expect(cachedSimilarItems(model, itemId, k, filter)).toEqual(expected);
      }
    }
  });

  it("gives the nearest neighbours as indices and scores, exactly as similarItems", () => {
    for (const itemId of ["i7", "i250", "i498"]) {
      for (const k of [1, 100, NEIGHBOUR_LIST_SIZE, NEIGHBOUR_LIST_SIZE + 5]) {
        const expected = model.similarItems(itemId, k);
        const { indices, scores } = nearestNeighbours(model, itemId, k);
        expect(Array.from(indices)).toEqual(expected.map((neighbour) => neighbour.itemIndex));
        expect(Array.from(scores)).toEqual(expected.map((neighbour) => Math.fround(neighbour.score)));
      }
    }
  });
});

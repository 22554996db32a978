import {
  type CatalogItem,
  createInteractionDataset,
  createRecommender,
  createRng,
  fitItemItemTerm,
  type Interaction,
  JointConfigSchema,
  type JointRecommender,
} from "@jewelguide/model";
import { describe, expect, it } from "vitest";
import {
  fitItemItemTermInThread,
  withItemItemTermInThread,
} from "../src/training/item-item-thread/fit-item-item-term-in-thread";

// 700 items, 600 of them sold: past 512 modelled items the inverse runs on TF.js in the thread, as on a real shop.
const catalog: CatalogItem[] = Array.from({ length: 700 }, (_, i) => ({
  itemId: `p${i}`,
  category: (["ring", "earring", "pendant", "bracelet"] as const)[i % 4] ?? "ring",
  metal: i % 3 === 0 ? "silver" : "gold",
  gem: null,
  color: null,
  gender: null,
  price: 50 + (i % 90) * 10,
  brand: null,
}));

function purchases(): Interaction[] {
  const rng = createRng(5);
  const rows: Interaction[] = [];
  for (let u = 0; u < 900; u++) {
    const start = rng.nextInt(600);
    for (let k = 0; k < 4; k++) {
      rows.push({
        userId: `u${u}`,
        itemId: `p${(start + k * (1 + rng.nextInt(7))) % 600}`,
        type: "purchase",
        timestamp: 1_700_000_000_000 + u * 1000 + k,
      });
    }
  }
  return rows;
}

describe("the joint model's item-item term in a worker thread", () => {
  const dataset = createInteractionDataset({ interactions: purchases(), catalog, users: [] });
  const config = JointConfigSchema.parse({ epochs: 2 });

  it("is the term fitted in process, entry for entry, with the thread's progress passed on", async () => {
    const stages = new Set<string>();
    const inThread = await fitItemItemTermInThread(dataset, config, (progress) => stages.add(progress.stage));
    const inProcess = await fitItemItemTerm(dataset, config);
    expect(inThread.indices.length).toBeGreaterThan(600 * 50);
    expect(Array.from(inThread.indptr)).toEqual(Array.from(inProcess.indptr));
    expect(Array.from(inThread.indices)).toEqual(Array.from(inProcess.indices));
    expect(Array.from(inThread.values)).toEqual(Array.from(inProcess.values));
    expect([...stages]).toEqual(["item-item term (worker thread)"]);
  }, 120_000);

  it("gives a joint fit the same scores as fitting the term after the epochs", async () => {
    const fit = async (threaded: boolean) => {
      const model = createRecommender("joint", { epochs: 2 }) as JointRecommender;
      await (threaded ? withItemItemTermInThread(model) : model).fit(dataset, { seed: 3 });
      return Array.from(model.recommend("u7", { k: 20 }), (pick) => [pick.itemId, pick.score]);
    };
    expect(await fit(true)).toEqual(await fit(false));
  }, 120_000);

  it("reports a failure in the thread with what went wrong", async () => {
    const broken = { ...dataset, matrix: { ...dataset.matrix, indices: dataset.matrix.indices.subarray(1) } };
    await expect(fitItemItemTermInThread(broken, config)).rejects.toThrow(/item-item term's thread failed: .*matrix/);
  }, 60_000);
});

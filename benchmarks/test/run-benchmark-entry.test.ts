import {
  type CatalogItem,
  createInteractionDataset,
  createRecommender,
  createRng,
  evaluateRanking,
  type Interaction,
  splitLeaveLastOut,
} from "@jewelguide/model";
import type { TrainingData } from "@jewelguide/worker/training";
import { describe, expect, it } from "vitest";
import type { BenchmarkEntry } from "../src/rees46/benchmark-plan";
import { runBenchmarkEntry } from "../src/rees46/run-benchmark-entry";

/** 120 shoppers in three blocks of 20 items (gold rings, silver earrings, platinum pendants), 6 purchases each in time order. */
function createBlockStore(): TrainingData {
  const rng = createRng(11);
  const kinds = [
    { category: "ring", metal: "gold" },
    { category: "earring", metal: "silver" },
    { category: "pendant", metal: "platinum" },
  ] as const;
  const catalog: CatalogItem[] = Array.from({ length: 60 }, (_, i) => ({
    itemId: `p${i}`,
    ...(kinds[Math.floor(i / 20)] ?? kinds[0]),
    gem: null,
    color: null,
    gender: null,
    price: 100 + i,
    brand: null,
  }));
  const interactions: Interaction[] = [];
  for (let u = 0; u < 120; u++) {
    const block = u % 3;
    const chosen = new Set<number>();
    while (chosen.size < 6) chosen.add(block * 20 + rng.nextInt(20));
    [...chosen].forEach((item, t) => {
      interactions.push({ userId: `u${u}`, itemId: `p${item}`, type: "purchase", timestamp: 1_000 * (t + 1) });
    });
  }
  return { catalog, productIds: catalog.map((_, i) => i + 1), interactions, users: [] };
}

const data = createBlockStore();
const quiet = () => {};

describe("runBenchmarkEntry", () => {
  it("scores a scoring-time setting on a reloaded fit exactly as on a fit of its own", async () => {
    const entry: BenchmarkEntry = {
      name: "ease-recency",
      kind: "ease-recency",
      grid: [{ lambda: 5 }],
      scoringGrid: [{ recencyDecay: 0.2 }, { recencyDecay: 1 }],
      iterative: false,
      seeds: [0],
    };
    const result = await runBenchmarkEntry(entry, data, quiet);
    expect(result.validationTrials.map((trial) => trial.config)).toEqual([
      { lambda: 5, recencyDecay: 0.2 },
      { lambda: 5, recencyDecay: 1 },
    ]);
    const split = splitLeaveLastOut(data.interactions);
    const direct = createRecommender("ease-recency", { lambda: 5, recencyDecay: 0.2 });
    await direct.fit(createInteractionDataset({ interactions: split.train, catalog: data.catalog }));
    const trainItems = new Set(split.train.map((row) => row.itemId));
    const expected = evaluateRanking(direct, split.validation, { ks: [20], trainedItemIds: trainItems }).atK[20];
    expect(result.validationTrials[0]?.ndcg20).toBe(expected?.ndcg);
    expect(result.validationTrials[1]?.ndcg20).not.toBe(expected?.ndcg); // the setting does change the scores
    // Deterministic: one refit, no item cold-start numbers (EASE cannot score an item nobody bought).
    expect(result.seeds).toHaveLength(1);
    expect(result.seeds[0]?.metrics.item_cold_users).toBeUndefined();
  });

  it("refits a stochastic model once per seed, and derives an ablation from its base's configuration", async () => {
    const entry: BenchmarkEntry = {
      name: "bpr-less-l2",
      kind: "bpr",
      grid: [],
      iterative: true,
      seeds: [0, 1, 2],
      derivedFrom: { of: "bpr", change: { regularization: 0.001 }, ownEpochs: false },
    };
    const result = await runBenchmarkEntry(entry, data, quiet, {
      baseConfig: { factors: 8, learningRate: 0.05, regularization: 0.01, epochs: 3 },
    });
    expect(result.config).toEqual({ factors: 8, learningRate: 0.05, regularization: 0.001, epochs: 3 });
    expect(result.validationTrials).toEqual([]);
    expect(result.seeds.map((run) => run.seed)).toEqual([0, 1, 2]);
    expect(result.seeds[0]?.metrics["ndcg@20"]).not.toBe(result.seeds[1]?.metrics["ndcg@20"]);
  });

  it("scores a model that can rank unseen items on the item cold-start split too", async () => {
    const entry: BenchmarkEntry = {
      name: "attribute-knn",
      kind: "attribute-knn",
      grid: [{ recencyDecay: 0.3 }],
      iterative: false,
      seeds: [0],
    };
    const metrics = (await runBenchmarkEntry(entry, data, quiet)).seeds[0]?.metrics ?? {};
    expect(metrics.item_cold_users).toBeGreaterThan(0);
    expect(metrics["item_cold_recall@20"]).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from "vitest";
import type { Interaction } from "../data/interaction";
import { createInteractionDataset } from "../data/interaction-dataset";
import { evaluateRanking } from "../evaluation/evaluate-ranking";
import { createRng } from "../random/create-rng";
import { createRecommender } from "../registry";
import { createClusteredInteractions } from "../testing/synthetic-data";

const { train, heldOut } = createClusteredInteractions();
const dataset = createInteractionDataset({ interactions: train });

async function recallAt5(kind: string, config: Record<string, unknown>): Promise<number> {
  const model = createRecommender(kind, config);
  await model.fit(dataset, { seed: 11 });
  return evaluateRanking(model, heldOut, { ks: [5] }).atK[5]?.recall ?? 0;
}

describe("each model learns a planted block structure", () => {
  // 4 clusters × 15 items; a user has 5 items from their block, so 10 candidates remain in-block out of 55.
  // Random in-block ranking gives Recall@5 = 0.5; popularity is cluster-blind (≈ 5/55 ≈ 0.1 in expectation).
  it("popularity stays near chance", async () => {
    expect(await recallAt5("popularity", {})).toBeLessThan(0.35);
  });

  it.each([
    ["itemknn", {}],
    ["ease", { lambda: 5 }],
    ["ease-recency", { lambda: 5, recencyDecay: 0.9 }],
    ["bpr", { factors: 16, epochs: 60, learningRate: 0.05 }],
    ["fpmc", { factors: 16, epochs: 60, learningRate: 0.05, recencyDecay: 1 }],
    ["joint", { dims: 16, epochs: 30, batchSize: 32, negatives: 16, learningRate: 0.1, recencyDecay: 1 }],
  ])("%s finds the held-out item in its cluster", async (kind, config) => {
    expect(await recallAt5(kind, config)).toBeGreaterThan(0.45);
  });

  it("BPR clearly beats popularity (at least three times its Recall@5)", async () => {
    const bpr = await recallAt5("bpr", { factors: 16, epochs: 60, learningRate: 0.05 });
    expect(bpr).toBeGreaterThan(3 * (await recallAt5("popularity", {})));
  });

  it("BPR early-stops on a validation callback and keeps its best epoch", async () => {
    const model = createRecommender("bpr", { factors: 16, epochs: 100, patience: 2 });
    const scores: number[] = [];
    const report = await model.fit(dataset, {
      seed: 3,
      validate: (m) => {
        const score = evaluateRanking(m, heldOut, { ks: [5] }).atK[5]?.recall ?? 0;
        scores.push(score);
        return score;
      },
    });
    expect(report.bestValidation).toBe(Math.max(...scores));
    expect(report.epochs).toBeLessThanOrEqual(100);
    expect(evaluateRanking(model, heldOut, { ks: [5] }).atK[5]?.recall).toBe(report.bestValidation);
  });
});

describe("popularity", () => {
  it("decays old interactions with halfLifeDays", async () => {
    const day = 86_400_000;
    const interactions = [
      ...["a", "b", "c"].map((u) => ({ userId: u, itemId: "old", type: "purchase" as const, timestamp: 0 })),
      ...["a", "b"].map((u) => ({ userId: u, itemId: "new", type: "purchase" as const, timestamp: 100 * day })),
    ];
    const data = createInteractionDataset({ interactions });
    const plain = createRecommender("popularity");
    await plain.fit(data);
    expect(plain.recommend({ recentItemIds: [] }, { k: 1 })[0]?.itemId).toBe("old");
    const decayed = createRecommender("popularity", { halfLifeDays: 30 });
    await decayed.fit(data);
    expect(decayed.recommend({ recentItemIds: [] }, { k: 1 })[0]?.itemId).toBe("new");
  });
});

describe("ease-recency", () => {
  // Each shopper bought four items of one block, one at a time, then a basket of two items of another block; the
  // held-out item is from that latest block. Plain EASE sums the history evenly and leans to the first block.
  const rng = createRng(3);
  const interactions: Interaction[] = [];
  const heldOutLatest: { userId: string; itemId: string }[] = [];
  const pick = (block: number, count: number): string[] => {
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(block * 15 + rng.nextInt(15));
    return [...chosen].map((i) => `item${i}`);
  };
  for (let u = 0; u < 160; u++) {
    const userId = `s${u}`;
    const from = rng.nextInt(4);
    const to = (from + 1 + rng.nextInt(3)) % 4;
    pick(from, 4).forEach((itemId, t) => {
      interactions.push({ userId, itemId, type: "purchase", timestamp: t });
    });
    const latest = pick(to, 3);
    for (const itemId of latest.slice(0, 2)) interactions.push({ userId, itemId, type: "purchase", timestamp: 10 });
    heldOutLatest.push({ userId, itemId: latest[2] as string });
  }
  const moved = createInteractionDataset({ interactions });

  it("follows a shopper who moved to another block; decay 1 is plain EASE", async () => {
    const recall = async (kind: string, config: Record<string, unknown>) => {
      const model = createRecommender(kind, config);
      await model.fit(moved);
      return evaluateRanking(model, heldOutLatest, { ks: [5] }).atK[5]?.recall ?? 0;
    };
    const plain = await recall("ease", { lambda: 5 });
    expect(await recall("ease-recency", { lambda: 5, recencyDecay: 1 })).toBe(plain);
    expect(await recall("ease-recency", { lambda: 5, recencyDecay: 0.2 })).toBeGreaterThan(plain + 0.15);
  });
});

import { describe, expect, it } from "vitest";
import type { Interaction } from "../../data/interaction";
import { createInteractionDataset } from "../../data/interaction-dataset";
import { createRng } from "../../random/create-rng";
import { createRecommender } from "../../registry";

/**
 * Pairs bought together: every shopper buys one pair (p_k, q_k) as one basket, 40 pairs. With basketContext
 * "partners" each item of a basket is a target with the other as context, so given p_k the model ranks q_k first
 * and, because nothing depends on the order inside the basket, given q_k it ranks p_k first just as well. With
 * "none" a target sees only older baskets (there are none here), so the pairs cannot be learned.
 */
const PAIRS = 40;

function pairPurchases(): Interaction[] {
  const rng = createRng(11);
  const rows: Interaction[] = [];
  for (let u = 0; u < 600; u++) {
    const k = rng.nextInt(PAIRS);
    rows.push({ userId: `u${u}`, itemId: `p${k}`, type: "purchase", timestamp: 100 });
    rows.push({ userId: `u${u}`, itemId: `q${k}`, type: "purchase", timestamp: 100 });
  }
  return rows;
}

async function topOneHits(basketContext: "partners" | "none") {
  const model = createRecommender("joint", {
    dims: 16,
    epochs: 15,
    batchSize: 32,
    negatives: 16,
    learningRate: 0.1,
    idDropout: 0,
    useContent: false,
    basketContext,
    // The towers' own learning is under test: the item–item term learns co-purchases from the matrix in any case.
    itemItemWeight: 0,
  });
  await model.fit(createInteractionDataset({ interactions: pairPurchases() }), { seed: 3 });
  const top = (itemId: string) => model.recommend({ recentItemIds: [itemId] }, { k: 1 })[0]?.itemId;
  let forward = 0;
  let backward = 0;
  for (let k = 0; k < PAIRS; k++) {
    if (top(`p${k}`) === `q${k}`) forward++;
    if (top(`q${k}`) === `p${k}`) backward++;
  }
  return { forward: forward / PAIRS, backward: backward / PAIRS };
}

describe("the joint model's basket context", () => {
  it("learns what is bought together, in both directions, from the basket partners", async () => {
    const hits = await topOneHits("partners");
    expect(hits.forward).toBeGreaterThan(0.8);
    expect(hits.backward).toBeGreaterThan(0.8);
  });

  it("learns no pairs when a target sees only older baskets", async () => {
    const hits = await topOneHits("none");
    expect(hits.forward).toBeLessThan(0.2);
    expect(hits.backward).toBeLessThan(0.2);
  });
});

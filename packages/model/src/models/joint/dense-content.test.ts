import { describe, expect, it } from "vitest";
import type { CatalogItem, Interaction } from "../../data/interaction";
import { createInteractionDataset } from "../../data/interaction-dataset";
import { createRng } from "../../random/create-rng";
import { createRecommender, deserializeRecommender } from "../../registry";
import type { DenseItemContent } from "./dense-content";
import { normalizeDenseContent } from "./dense-content";
import { JointRecommender } from "./joint-model";

/**
 * A planted pattern only the dense content carries: 4 groups × 10 items with identical attributes (same category,
 * metal, no price), the group written only in a dense vector (one-hot + noise). Each shopper buys within one group.
 * Items g9 of every group are new (never bought): from attributes alone they are indistinguishable.
 */
const GROUPS = 4;
const PER_GROUP = 10;
const catalog: CatalogItem[] = Array.from({ length: GROUPS * PER_GROUP }, (_, index) => ({
  itemId: `g${Math.floor(index / PER_GROUP)}-${index % PER_GROUP}`,
  category: "ring",
  metal: "gold",
  gem: null,
  color: null,
  gender: null,
  price: null,
  brand: null,
}));
const coldItemIds = Array.from({ length: GROUPS }, (_, g) => `g${g}-${PER_GROUP - 1}`);

function buildDense(): DenseItemContent {
  const rng = createRng(11);
  const dims = 8;
  const vectors = new Float32Array(catalog.length * dims);
  catalog.forEach((_, index) => {
    vectors[index * dims + Math.floor(index / PER_GROUP)] = 1;
    for (let j = GROUPS; j < dims; j++) vectors[index * dims + j] = rng.nextNormal() * 0.3;
  });
  return { dims, vectors };
}

function buildInteractions(): Interaction[] {
  const rng = createRng(5);
  const rows: Interaction[] = [];
  for (let u = 0; u < 160; u++) {
    const group = u % GROUPS;
    for (let t = 0; t < 4; t++) {
      const item = rng.nextInt(PER_GROUP - 1);
      rows.push({ userId: `u${u}`, itemId: `g${group}-${item}`, type: "purchase", timestamp: u * 100 + t });
    }
  }
  return rows;
}

const dataset = createInteractionDataset({ interactions: buildInteractions(), catalog });
const TINY = { dims: 16, epochs: 25, batchSize: 32, negatives: 16, learningRate: 0.1, denseBackend: "js" as const };
const createJoint = (overrides: Record<string, unknown> = {}) =>
  createRecommender("joint", { ...TINY, ...overrides }) as JointRecommender;

/** Share of shoppers whose best-ranked new item is the new item of their own group (chance: 1/4). */
function coldHitRate(model: JointRecommender): number {
  let hits = 0;
  for (let u = 0; u < 160; u++) {
    const top = model.recommend(`u${u}`, { k: 1, allowItemIds: coldItemIds })[0]?.itemId;
    if (top === coldItemIds[u % GROUPS]) hits++;
  }
  return hits / 160;
}

describe("joint model: dense content through a learned projection", () => {
  it("ranks new items by a pattern only the dense vectors carry (and cannot without them)", async () => {
    const withDense = createJoint().withDenseContent(buildDense());
    await withDense.fit(dataset, { seed: 3 });
    const without = createJoint();
    await without.fit(dataset, { seed: 3 });
    expect(coldHitRate(withDense)).toBeGreaterThanOrEqual(0.9);
    expect(coldHitRate(without)).toBeLessThanOrEqual(0.5);
  });

  it("serves identical scores after save → load, without the dense vectors or the projection", async () => {
    const model = createJoint({ epochs: 5 }).withDenseContent(buildDense());
    await model.fit(dataset, { seed: 7 });
    const bytes = model.serialize();
    const loaded = deserializeRecommender(bytes);
    expect(loaded.kind).toBe("joint");
    for (const user of ["u0", "u1", "u3"])
      expect(Array.from(loaded.scoreUser(user))).toEqual(Array.from(model.scoreUser(user)));
    expect(loaded.similarItems("g2-9", 5)).toEqual(model.similarItems("g2-9", 5));
    // The artifact holds the fitted item vectors, not the dense inputs: it is no larger than a model without them.
    const plain = createJoint({ epochs: 5 });
    await plain.fit(dataset, { seed: 7 });
    expect(bytes.byteLength).toBe(plain.serialize().byteLength);
  });

  it("centres the dense columns and scales rows to mean norm 1", () => {
    const out = normalizeDenseContent({ dims: 2, vectors: Float32Array.from([1, 0, 3, 0, 2, 6]) }, 3);
    const meanColumn0 = ((out[0] ?? 0) + (out[2] ?? 0) + (out[4] ?? 0)) / 3;
    expect(meanColumn0).toBeCloseTo(0, 6);
    const norms = [0, 1, 2].map((i) => Math.hypot(out[i * 2] ?? 0, out[i * 2 + 1] ?? 0));
    expect((norms[0] ?? 0) + (norms[1] ?? 0) + (norms[2] ?? 0)).toBeCloseTo(3, 5);
    expect(() => normalizeDenseContent({ dims: 2, vectors: new Float32Array(5) }, 3)).toThrow(/expected 3 items/);
  });
});

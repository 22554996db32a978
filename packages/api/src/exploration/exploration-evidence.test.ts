import type { SqlReader } from "@jewelguide/db";
import { describe, expect, it } from "vitest";
import type { ProductCatalog } from "../model-serving/product-catalog";
import type { ServingSnapshot } from "../model-serving/serving-snapshot";
import { buildEvidenceSnapshot, createExplorationEvidence, EVIDENCE_STEP_MS } from "./exploration-evidence";

/** A reader that answers the evidence statement with `rows` (or fails), recording each call's cut-off. */
function fakeReader(answer: () => Promise<unknown[]>): SqlReader & { cutoffs: Date[] } {
  const cutoffs: Date[] = [];
  return {
    cutoffs,
    async all<Row>(_sql: string, params: readonly unknown[]) {
      cutoffs.push(params[0] as Date);
      return (await answer()) as Row[];
    },
    async close() {},
  };
}

describe("exploration evidence per step", () => {
  const step = 1_796_580_000_000;

  it("reads once per step, as of the step's start, and shares the read among the step's requests", async () => {
    const reader = fakeReader(async () => [{ productId: 7, impressions: "3", rewards: 1 }]);
    const evidence = createExplorationEvidence(reader);
    const [first, second] = await Promise.all([
      evidence.at(new Date(step + 5_000)),
      evidence.at(new Date(step + 59_999)),
    ]);
    expect(first).toBe(second);
    expect(reader.cutoffs).toEqual([new Date(step)]);
    expect(first.of(7)).toEqual({ impressions: 3, rewards: 1 });
    expect(first.of(8)).toEqual({ impressions: 0, rewards: 0 });
    await evidence.at(new Date(step + EVIDENCE_STEP_MS));
    expect(reader.cutoffs).toEqual([new Date(step), new Date(step + EVIDENCE_STEP_MS)]);
  });

  it("does not keep a failed read: the step's next request reads again", async () => {
    let fail = true;
    const reader = fakeReader(async () => {
      if (fail) throw new Error("database unreachable");
      return [];
    });
    const evidence = createExplorationEvidence(reader);
    await expect(evidence.at(new Date(step))).rejects.toThrow("database unreachable");
    fail = false;
    await expect(evidence.at(new Date(step + 1))).resolves.toMatchObject({ readAt: step });
    expect(reader.cutoffs).toHaveLength(2);
  });

  it("indexes the least-shown in-stock products, never-shown first, and those the model cannot rate, once per snapshot", () => {
    const product = (id: number, inStock = true) =>
      ({ id, inStock, category: "ring", metal: null }) as ProductCatalog["products"][number];
    const catalog = {
      products: [product(1), product(2), product(3, false), product(4), product(5)],
    } as unknown as ProductCatalog;
    const evidence = buildEvidenceSnapshot(
      [
        { productId: 1, impressions: 5, rewards: 0 },
        { productId: 4, impressions: 2, rewards: 1 },
        { productId: 5, impressions: 1, rewards: 0 },
      ],
      step,
    );
    // The model knows products 1, 2 and 5 (item indexes 0, 1, 2), but nobody had interacted with 5 when it was
    // trained; 3 and 4 were added after it was trained.
    const model = { recommender: { learnedFromBehaviour: (index: number) => index !== 2 } } as ServingSnapshot["model"];
    const snapshot = { catalog, model, modelIndexAt: Int32Array.from([0, 1, -1, -1, 2]) };
    const index = evidence.index(snapshot);
    expect(index.leastShown.map((p) => p.id)).toEqual([2, 5, 4, 1]);
    // Product 3 is unrated too, but out of stock.
    expect(index.unratedByTaste.get("category:ring")?.map((p) => p.id)).toEqual([5, 4]);
    expect([1, 2, 3, 4, 5].filter((id) => index.isUnrated(id))).toEqual([3, 4, 5]);
    expect(evidence.index(snapshot)).toBe(index);
  });
});

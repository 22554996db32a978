import { deserializeRecommender } from "@jewelguide/model";
import { describe, expect, it } from "vitest";
import { encodeFeatureVector } from "../src/featurize/feature-vector-bytes";
import { TEXT_ENCODER, TEXT_ENCODER_VERSION } from "../src/featurize/featurize-products";
import { seedPurchases } from "./helpers/seed-purchases";
import { useFreshWorkspace } from "./helpers/temp-workspace";

const ws = useFreshWorkspace();

const JOINT = JSON.stringify({ dims: 8, epochs: 2, negatives: 16, batchSize: 32, denseBackend: "js" });

describe("train with stored features", () => {
  it("feeds the current text vectors to the joint model, records them in params, and --no-stored-features skips them", async () => {
    await seedPurchases(ws.db, { products: 40, users: 60, perUser: 5 });
    const products = await ws.db.product.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    // A text vector for 30 of the 40 products (current version) and a stale-version one that must be ignored.
    await ws.db.productFeature.createMany({
      data: [
        ...products.slice(0, 30).map((product, i) => ({
          productId: product.id,
          encoder: TEXT_ENCODER,
          version: TEXT_ENCODER_VERSION,
          dims: 4,
          sourceHash: `h${i}`,
          vector: encodeFeatureVector(Float32Array.from([i % 2, 1 - (i % 2), i / 40, 1])),
        })),
        {
          productId: products[30]?.id ?? 0,
          encoder: TEXT_ENCODER,
          version: "old",
          dims: 4,
          sourceHash: "old",
          vector: encodeFeatureVector(Float32Array.from([9, 9, 9, 9])),
        },
      ],
    });

    const trained = await ws.cli("train", "--no-eval", "--config", JOINT);
    expect(trained.code).toBe(0);
    expect(trained.stderr).toContain(
      `stored features: ${TEXT_ENCODER} ${TEXT_ENCODER_VERSION}: 30 of 40 products (4 dims)`,
    );
    const withFeatures = await ws.db.modelVersion.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect((withFeatures.params as { storedFeatures?: unknown }).storedFeatures).toEqual([
      { encoder: TEXT_ENCODER, version: TEXT_ENCODER_VERSION, dims: 4, products: 30 },
    ]);
    // The artifact serves on its own (the fitted item vectors include the projected features).
    const model = deserializeRecommender(withFeatures.artifact ?? new Uint8Array());
    expect(Array.from(model.scoreUser("u1")).every(Number.isFinite)).toBe(true);

    const without = await ws.cli("train", "--no-eval", "--no-stored-features", "--config", JOINT);
    expect(without.code).toBe(0);
    expect(without.stderr).toContain("stored features: off (--no-stored-features)");
    const plain = await ws.db.modelVersion.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(plain.id).toBeGreaterThan(withFeatures.id);
    expect((plain.params as { storedFeatures?: unknown }).storedFeatures).toEqual([]);
  });
});

import type { Db } from "@jewelguide/db";
import { type DenseItemContent, JointRecommender, type Recommender } from "@jewelguide/model";
import {
  defaultFeatureSpecs,
  type FeatureSpec,
  loadDenseContent,
  type StoredFeatureBlock,
} from "../featurize/load-dense-content";
import type { TrainingData } from "./load-training-data";

/** Stored per-product features laid out for the item tower, and the record of what they are. */
export type StoredFeatures = { dense: DenseItemContent; blocks: StoredFeatureBlock[] };

/** Only the joint model's item tower takes dense content; other kinds train exactly as before. */
export function takesStoredFeatures(kind: string): boolean {
  return kind === "joint";
}

/**
 * The current encoder versions' stored vectors (default: text, then image) of the training catalog, in its order.
 * Undefined when the database has none of them (featurize has not run, or ran with other encoder versions).
 */
export async function loadStoredFeatures(
  db: Db,
  data: TrainingData,
  specs: FeatureSpec[] = defaultFeatureSpecs(),
): Promise<StoredFeatures | undefined> {
  const content = await loadDenseContent(db, data.productIds, specs);
  if (content === undefined || content.dims === 0) return undefined;
  const { blocks, ...dense } = content;
  return { dense, blocks };
}

/** "text-hashed-lexicon dim512-v1: 9,613 of 9,613 products (512 dims); …" */
export function describeStoredFeatures(features: StoredFeatures, products: number): string {
  return features.blocks
    .map(
      (block) =>
        `${block.encoder} ${block.version}: ${block.products.toLocaleString("en")} of ${products.toLocaleString("en")} ` +
        `products (${block.dims} dims)`,
    )
    .join("; ");
}

/** What a model version's params record: each encoder used, its version, width and coverage. */
export function storedFeaturesParam(features: StoredFeatures | undefined): Record<string, unknown>[] {
  return (features?.blocks ?? [])
    .filter((block) => block.dims > 0)
    .map((block) => ({ encoder: block.encoder, version: block.version, dims: block.dims, products: block.products }));
}

/** Attaches dense content to a model that takes it (the joint model); a no-op without content. */
export function attachStoredFeatures<M extends Recommender>(model: M, dense: DenseItemContent | undefined): M {
  if (dense === undefined) return model;
  if (!(model instanceof JointRecommender)) {
    throw new Error(`the ${model.kind} model does not take stored features (only joint does)`);
  }
  model.withDenseContent(dense);
  return model;
}

import type { Db } from "@jewelguide/db";
import { type DenseItemContent, describeImageEncoder } from "@jewelguide/model";
import { decodeFeatureVector } from "./feature-vector-bytes";
import { TEXT_ENCODER, TEXT_ENCODER_VERSION } from "./featurize-products";

export type FeatureSpec = { encoder: string; version: string };
/** One encoder's block of the laid-out content: where it sits, how wide it is, how many products have a vector. */
export type StoredFeatureBlock = FeatureSpec & { offset: number; dims: number; products: number };
/** The dense content plus what it is made of (for logs and a model version's params). */
export type StoredDenseContent = DenseItemContent & { blocks: StoredFeatureBlock[] };

/** The current text encoder's spec (the text-only variant of the joint model's dense content). */
export function textFeatureSpec(): FeatureSpec {
  return { encoder: TEXT_ENCODER, version: TEXT_ENCODER_VERSION };
}

/** The stored features the joint model's item tower takes by default: text + attributes, then the photo. */
export function defaultFeatureSpecs(): FeatureSpec[] {
  const image = describeImageEncoder();
  return [textFeatureSpec(), { encoder: image.name, version: image.version }];
}

/**
 * Stored ProductFeature vectors of `productIds` (in that order, the dataset's item order), the given encoders side by
 * side, as `JointRecommender.withDenseContent` takes them. A product without a current vector of an encoder gets zeros
 * there. Undefined when no product has any stored feature of these encoders. `blocks` says, per encoder, its columns
 * and how many of `productIds` have a vector (an encoder without any stored vector gets no columns).
 */
export async function loadDenseContent(
  db: Db,
  productIds: number[],
  specs: FeatureSpec[] = defaultFeatureSpecs(),
): Promise<StoredDenseContent | undefined> {
  if (specs.length === 0) return undefined;
  const rows = await db.productFeature.findMany({
    where: { OR: specs.map((spec) => ({ encoder: spec.encoder, version: spec.version })) },
    select: { productId: true, encoder: true, dims: true, vector: true },
  });
  const position = new Map(productIds.map((id, index) => [id, index]));
  if (!rows.some((row) => position.has(row.productId))) return undefined;
  const widths = specs.map((spec) =>
    Math.max(0, ...rows.filter((row) => row.encoder === spec.encoder).map((row) => row.dims)),
  );
  const offsets = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
  const dims = widths.reduce((a, b) => a + b, 0);
  const products = specs.map(() => 0);
  const vectors = new Float32Array(productIds.length * dims);
  for (const row of rows) {
    const item = position.get(row.productId);
    const spec = specs.findIndex((candidate) => candidate.encoder === row.encoder);
    if (item === undefined || spec < 0) continue;
    const vector = decodeFeatureVector(row.vector).subarray(0, widths[spec] ?? 0);
    vectors.set(vector, item * dims + (offsets[spec] ?? 0));
    products[spec] = (products[spec] ?? 0) + 1;
  }
  const blocks = specs.map((spec, i) => ({
    ...spec,
    offset: offsets[i] ?? 0,
    dims: widths[i] ?? 0,
    products: products[i] ?? 0,
  }));
  return { dims, vectors, blocks };
}

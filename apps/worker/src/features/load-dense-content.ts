import type { Db } from "@jewelguide/db";
import { type DenseItemContent, describeImageEncoder } from "@jewelguide/model";
import { decodeFeatureVector } from "./feature-vector-bytes";
import { TEXT_ENCODER, TEXT_ENCODER_VERSION } from "./featurize-products";

export type FeatureSpec = { encoder: string; version: string };

/** The stored features the joint model's item tower takes by default: text + attributes, then the photo. */
export function defaultFeatureSpecs(): FeatureSpec[] {
  const image = describeImageEncoder();
  return [
    { encoder: TEXT_ENCODER, version: TEXT_ENCODER_VERSION },
    { encoder: image.name, version: image.version },
  ];
}

/**
 * Stored ProductFeature vectors of `productIds` (in that order, the dataset's item order), the given encoders side by
 * side, as `JointRecommender.withDenseContent` takes them. A product without a current vector of an encoder gets zeros
 * there. Undefined when no product has any stored feature of these encoders.
 */
export async function loadDenseContent(
  db: Db,
  productIds: number[],
  specs: FeatureSpec[] = defaultFeatureSpecs(),
): Promise<DenseItemContent | undefined> {
  const rows = await db.productFeature.findMany({
    where: { OR: specs.map((spec) => ({ encoder: spec.encoder, version: spec.version })) },
    select: { productId: true, encoder: true, dims: true, vector: true },
  });
  if (rows.length === 0) return undefined;
  const widths = specs.map((spec) =>
    Math.max(0, ...rows.filter((row) => row.encoder === spec.encoder).map((row) => row.dims)),
  );
  const offsets = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
  const dims = widths.reduce((a, b) => a + b, 0);
  const position = new Map(productIds.map((id, index) => [id, index]));
  const vectors = new Float32Array(productIds.length * dims);
  for (const row of rows) {
    const item = position.get(row.productId);
    const spec = specs.findIndex((candidate) => candidate.encoder === row.encoder);
    if (item === undefined || spec < 0) continue;
    const vector = decodeFeatureVector(row.vector).subarray(0, widths[spec] ?? 0);
    vectors.set(vector, item * dims + (offsets[spec] ?? 0));
  }
  return { dims, vectors };
}

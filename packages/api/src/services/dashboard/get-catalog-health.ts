import type { Db } from "@jewelguide/db";

const SAMPLE = 20;
const sampleSelect = { id: true, sku: true, titleEn: true, titleZh: true, category: true } as const;

/**
 * Catalog health from the stored catalog and events: products without a photo, without computed features (no
 * ProductFeature row), cold items (no event of any kind) and items never recommended (never in an impression:
 * recommendation coverage = 1 − never recommended / products). Counts plus the first few of each.
 */
export async function getCatalogHealth(db: Db) {
  const noPhoto = { OR: [{ imageUrl: null }, { imageUrl: "" }] };
  const noFeatures = { features: { none: {} } };
  const cold = { interactions: { none: {} } };
  const neverRecommended = { interactions: { none: { type: "impression" } } };
  const [products, ...counts] = await Promise.all([
    db.product.count(),
    db.product.count({ where: noPhoto }),
    db.product.count({ where: noFeatures }),
    db.product.count({ where: cold }),
    db.product.count({ where: neverRecommended }),
  ]);
  const [withoutPhoto = 0, withoutFeatures = 0, coldItems = 0, neverRecommendedItems = 0] = counts;
  const [photoSample, featureSample, coldSample, neverSample] = await Promise.all(
    [noPhoto, noFeatures, cold, neverRecommended].map((where) =>
      db.product.findMany({ where, select: sampleSelect, orderBy: { id: "asc" }, take: SAMPLE }),
    ),
  );
  return {
    products,
    withoutPhoto: { count: withoutPhoto, sample: photoSample ?? [] },
    withoutFeatures: { count: withoutFeatures, sample: featureSample ?? [] },
    cold: { count: coldItems, sample: coldSample ?? [] },
    neverRecommended: { count: neverRecommendedItems, sample: neverSample ?? [] },
    recommendationCoverage: products > 0 ? 1 - neverRecommendedItems / products : null,
  };
}

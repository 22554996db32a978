import type { Db } from "@jewelguide/db";
import { createInteractionDataset, createRecommender, type Interaction } from "@jewelguide/model";
import type { ProductCatalog } from "./product-catalog";
import type { ServingModel } from "./serving-model";

/**
 * The honest fallback when no version is active: distinct purchasers per product, from the stored purchase events.
 * Every catalog product is in its item universe (never-purchased ones score 0).
 */
export async function fitPopularityFallback(db: Db, catalog: ProductCatalog): Promise<ServingModel> {
  const rows = await db.interaction.findMany({
    where: { type: "purchase" },
    select: { userId: true, productId: true, occurredAt: true },
  });
  const interactions: Interaction[] = rows.flatMap((row) => {
    const product = catalog.byId.get(row.productId);
    if (!product) return [];
    return [{ userId: `u${row.userId}`, itemId: product.sku, type: "purchase", timestamp: row.occurredAt.getTime() }];
  });
  const dataset = createInteractionDataset({
    interactions,
    catalog: catalog.products.map((product) => ({
      itemId: product.sku,
      category: "other",
      metal: null,
      gem: null,
      color: null,
      gender: null,
      price: null,
      brand: null,
    })),
  });
  const recommender = createRecommender("popularity", { by: "users" });
  await recommender.fit(dataset);
  return { source: "fallback-popularity", versionId: null, kind: "popularity", recommender, loadedAt: Date.now() };
}

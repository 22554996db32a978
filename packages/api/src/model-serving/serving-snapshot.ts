import type { CachedProduct, ProductCatalog } from "./product-catalog";
import type { ServingModel } from "./serving-model";

/**
 * What one request scores with: the model, the product cache, and the two aligned by the model's item index, so a
 * filter over item indices is an array lookup. Immutable; a refresh builds a new one.
 */
export type ServingSnapshot = {
  model: ServingModel;
  catalog: ProductCatalog;
  /** The cached product at each model item index (undefined: the model knows an item the catalog no longer has). */
  productAt: readonly (CachedProduct | undefined)[];
  /** 1 where the item exists in the catalog and is in stock. */
  servable: Uint8Array;
  /** The model item index of each catalog product (`catalog.products` order); -1 for products the model never saw. */
  modelIndexAt: Int32Array;
};

export function alignSnapshot(model: ServingModel, catalog: ProductCatalog): ServingSnapshot {
  const ids = model.recommender.items.ids();
  const productAt = ids.map((sku) => catalog.bySku.get(sku));
  const servable = new Uint8Array(ids.length);
  productAt.forEach((product, index) => {
    if (product?.inStock) servable[index] = 1;
  });
  const modelIndexAt = Int32Array.from(catalog.products, (product) => model.recommender.items.find(product.sku) ?? -1);
  return { model, catalog, productAt, servable, modelIndexAt };
}

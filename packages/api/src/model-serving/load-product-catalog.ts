import type { Db, Prisma } from "@jewelguide/db";
import type { CachedProduct, ProductCatalog } from "./product-catalog";
import { readCatalogStamp } from "./read-catalog-stamp";

const cachedProductSelect = {
  id: true,
  sku: true,
  titleZh: true,
  titleEn: true,
  category: true,
  metal: true,
  gem: true,
  gender: true,
  price: true,
  currency: true,
  imageUrl: true,
  inStock: true,
} satisfies Prisma.ProductSelect;

/** Reads every product's display and filter fields plus its purchase count into an in-memory snapshot. */
export async function loadProductCatalog(db: Db): Promise<ProductCatalog> {
  const stamp = await readCatalogStamp(db);
  const [rows, counts] = await Promise.all([
    db.product.findMany({ select: cachedProductSelect, orderBy: { id: "asc" } }),
    db.interaction.groupBy({ by: ["productId"], where: { type: "purchase" }, _count: { productId: true } }),
  ]);
  const purchases = new Map(counts.map((row) => [row.productId, row._count.productId]));
  const products: CachedProduct[] = rows.map((row) => ({ ...row, purchases: purchases.get(row.id) ?? 0 }));
  return {
    products,
    bySku: new Map(products.map((product) => [product.sku, product])),
    byId: new Map(products.map((product) => [product.id, product])),
    stamp,
    loadedAt: Date.now(),
  };
}

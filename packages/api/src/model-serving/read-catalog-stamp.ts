import { readCatalogStampRow, type SqlReader } from "@jewelguide/db";
import type { CatalogStamp } from "./product-catalog";

/**
 * A cheap fingerprint of what the product cache holds, in two halves: `products` changes when a product is added,
 * removed or updated (stock, price…), `purchases` when a purchase is logged (purchase counts, bought-together pairs).
 * A deleted purchase changes neither; the cache's maximum age (ServingOptions.catalogMaxAgeMs) catches that. Every web
 * process reads it every few seconds: readCatalogStampRow is index lookups only.
 */
export async function readCatalogStamp(sql: SqlReader): Promise<CatalogStamp> {
  const row = await readCatalogStampRow(sql);
  return {
    products: `${row.productCount}:${row.productsUpdatedAt?.toISOString() ?? ""}`,
    purchases: String(row.latestPurchaseId ?? 0),
  };
}

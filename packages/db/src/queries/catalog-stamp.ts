import type { SqlReader } from "../sql-reader";
import { toCount, toDateOrNull } from "./parse-driver-values";

/**
 * Product count, latest product update and the newest purchase's id: each an index lookup (Product.updatedAt,
 * Interaction(type, id)) or a scan of the smallest Product index, in one prepared statement. Every web process runs it
 * every few seconds on the event loop, so it must stay an index lookup, never a walk over the purchases.
 */
const STAMP_SQL = `
  SELECT
    (SELECT COUNT(*) FROM "Product") AS "products",
    (SELECT MAX("updatedAt") FROM "Product") AS "updatedAt",
    (SELECT MAX("id") FROM "Interaction" WHERE "type" = 'purchase') AS "purchaseId"`;

type StampRow = { products: number | string; updatedAt: Date | string | null; purchaseId: number | string | null };

/** What changes when a product is added, removed or updated, or a purchase is logged. */
export type CatalogStampRow = { productCount: number; productsUpdatedAt: Date | null; latestPurchaseId: number | null };

export async function readCatalogStampRow(sql: SqlReader): Promise<CatalogStampRow> {
  const [row] = await sql.all<StampRow>(STAMP_SQL, []);
  if (!row) throw new Error("The catalog stamp query returned no row.");
  return {
    productCount: toCount(row.products),
    productsUpdatedAt: toDateOrNull(row.updatedAt),
    latestPurchaseId: row.purchaseId === null ? null : toCount(row.purchaseId),
  };
}

import type { SqlReader } from "../sql-reader";

/** One purchased product and the order it was part of (null when the shop sent no order id). */
export type PurchaseLineRow = { productId: number; orderId: string | null };

const PURCHASES_SQL = `SELECT "productId", "orderId" FROM "Interaction" WHERE "type" = 'purchase'`;

/**
 * Every purchase line (purchase counts and bought-together pairs of the serving cache). Both drivers already give
 * these columns as number and string, so the rows are returned as read: no pass over the shop's every purchase.
 */
export function listPurchaseLines(sql: SqlReader): Promise<PurchaseLineRow[]> {
  return sql.all<PurchaseLineRow>(PURCHASES_SQL, []);
}

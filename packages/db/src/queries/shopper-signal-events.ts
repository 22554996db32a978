import type { SqlReader } from "../sql-reader";
import { toDate, toJson } from "./parse-driver-values";

/** The action types that count as recent taste signals (impressions and purchases do not). */
export const RECENT_SIGNAL_TYPES = ["view", "click", "favorite", "cart"] as const;

/** One stored event of a shopper: `context` is the parsed Json column. */
export type ShopperSignalEventRow = { id: number; productId: number; type: string; at: Date; context: unknown };

/**
 * Every purchase and every recent action since `$2`, of one shopper by external id: one range scan of the shopper's
 * rows on `(userId, occurredAt)`. One statement instead of two branches (recent actions UNION ALL purchases) and a
 * shopper lookup: the purchases branch read the same rows anyway.
 */
const SIGNALS_SQL = `
  SELECT i."id", i."productId", i."type", i."occurredAt", i."context"
  FROM "Interaction" i JOIN "User" u ON u."id" = i."userId"
  WHERE u."externalId" = $1 AND (
    i."type" = 'purchase' OR
    (i."type" IN (${RECENT_SIGNAL_TYPES.map((type) => `'${type}'`).join(", ")}) AND i."occurredAt" >= $2)
  )`;

type DriverSignalRow = { id: number; productId: number; type: string; occurredAt: Date | string; context: unknown };

/**
 * The events behind a shopper's signals (every purchase, the recent actions since `since`), in no particular order.
 * A prepared statement on the driver: it runs on every feed and guide request, where Prisma's query builder spent
 * most of the request compiling the equivalent queries.
 */
export async function listShopperSignalEvents(
  sql: SqlReader,
  externalId: string,
  since: Date,
): Promise<ShopperSignalEventRow[]> {
  const rows = await sql.all<DriverSignalRow>(SIGNALS_SQL, [externalId, since]);
  return rows.map((row) => ({
    id: row.id,
    productId: row.productId,
    type: row.type,
    at: toDate(row.occurredAt),
    context: toJson(row.context),
  }));
}

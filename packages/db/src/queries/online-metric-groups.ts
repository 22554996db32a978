import type { Dialect } from "../paths";
import type { SqlReader } from "../sql-reader";
import { toCount } from "./parse-driver-values";

/** The event types the dashboard's online metrics count (views are not among them). */
export const ONLINE_METRIC_TYPES = ["impression", "click", "cart", "favorite", "purchase"] as const;

/** The stored events of one (type, serving version, UTC day, product category, simulated or not) group. */
export type OnlineMetricGroupRow = {
  type: string;
  modelVersionId: number | null;
  /** YYYY-MM-DD (UTC). */
  day: string;
  category: string;
  simulated: boolean;
  events: number;
  /** Σ price × quantity of the group's purchases (a purchase without a price counts 0). */
  revenue: number;
};

/**
 * `context.<key>` is JSON true: SQLite keeps Json as text (json_type), PostgreSQL as jsonb. The only part of the
 * statement that differs between the dialects.
 */
function isTrue(dialect: Dialect, key: "removed" | "simulated"): string {
  return dialect === "sqlite"
    ? `json_type(i."context", '$.${key}') = 'true'`
    : `(i."context" -> '${key}') = 'true'::jsonb`;
}

/**
 * Grouped in the database, so the dashboard reads a few hundred rows instead of every event of the window through
 * Prisma, which the scale benchmark found growing past the dashboard's 1 s budget with the events (BENCHMARKS.md, "Scale").
 * The day is the first ten characters of the timestamp as text, which both dialects write as YYYY-MM-DD… in UTC.
 * Removal events (context.removed) are left out.
 */
function groupsSql(dialect: Dialect): string {
  return `
  SELECT i."type", i."modelVersionId", SUBSTR(CAST(i."occurredAt" AS TEXT), 1, 10) AS "day", p."category",
    CASE WHEN ${isTrue(dialect, "simulated")} THEN 1 ELSE 0 END AS "simulated",
    COUNT(*) AS "events",
    SUM(CASE WHEN i."type" = 'purchase' THEN COALESCE(i."price", 0) * i."quantity" ELSE 0 END) AS "revenue"
  FROM "Interaction" i
  JOIN "Product" p ON p."id" = i."productId"
  WHERE i."type" IN (${ONLINE_METRIC_TYPES.map((type) => `'${type}'`).join(", ")})
    AND i."occurredAt" >= $1 AND i."occurredAt" < $2
    AND (CASE WHEN ${isTrue(dialect, "removed")} THEN 1 ELSE 0 END) = 0
  GROUP BY i."type", i."modelVersionId", SUBSTR(CAST(i."occurredAt" AS TEXT), 1, 10), p."category",
    CASE WHEN ${isTrue(dialect, "simulated")} THEN 1 ELSE 0 END`;
}

type DriverGroupRow = {
  type: string;
  modelVersionId: number | null;
  day: string;
  category: string;
  simulated: number | string;
  events: number | string;
  revenue: number | string | null;
};

/** The online-metric events stored in [from, until), grouped (see groupsSql). */
export async function listOnlineMetricGroups(
  sql: SqlReader,
  dialect: Dialect,
  window: { from: Date; until: Date },
): Promise<OnlineMetricGroupRow[]> {
  const rows = await sql.all<DriverGroupRow>(groupsSql(dialect), [window.from, window.until]);
  return rows.map((row) => ({
    type: row.type,
    modelVersionId: row.modelVersionId === null ? null : Number(row.modelVersionId),
    day: row.day,
    category: row.category,
    simulated: toCount(row.simulated) === 1,
    events: toCount(row.events),
    revenue: Number(row.revenue ?? 0),
  }));
}

import { type Db, type Dialect, listOnlineMetricGroups, ONLINE_METRIC_TYPES, type SqlReader } from "@jewelguide/db";
import { z } from "zod";
import { addEvents, emptyCounts, type OnlineCounts, type OnlineMetrics, withRates } from "./online-metrics";

export const OnlineMetricsInputSchema = z.object({
  /** First day included (UTC, YYYY-MM-DD); default: 30 days before the latest event. */
  from: z.iso.date().optional(),
  /** Last day included (UTC, YYYY-MM-DD); default: the latest event's day. */
  to: z.iso.date().optional(),
  /** Only simulated events (context.simulated = true), only real ones, or both. */
  traffic: z.enum(["all", "real", "simulated"]).default("all"),
});
export type OnlineMetricsInput = z.input<typeof OnlineMetricsInputSchema>;

export type OnlineMetricsRow = OnlineMetrics & { key: string };
export type OnlineMetricsReport = {
  from: string | null;
  to: string | null;
  total: OnlineMetrics;
  byVersion: (OnlineMetricsRow & { modelVersionId: number | null })[];
  byDay: (OnlineMetricsRow & { day: string })[];
  byVersionDay: (OnlineMetricsRow & { modelVersionId: number | null; day: string })[];
  byCategory: (OnlineMetricsRow & { category: string })[];
  simulatedEvents: number;
};

/**
 * Online metrics from the stored Interaction rows: impressions, CTR, add-to-cart rate, favourite rate, conversion
 * (purchases / impressions) and revenue (Σ price × quantity of purchases), per model version (the version that served
 * the event; "none" for events without one), per UTC day, per version and day, and per product category. Removal
 * events (context.removed) are not counted. The events are grouped in the database (listOnlineMetricGroups), so the
 * cost is one indexed scan of the window, not every event through the process.
 */
export async function computeOnlineMetrics(
  database: { db: Db; sql: SqlReader; dialect: Dialect },
  rawInput: OnlineMetricsInput = {},
): Promise<OnlineMetricsReport> {
  const input = OnlineMetricsInputSchema.parse(rawInput);
  const latest = await latestEventTime(database.db);
  const empty = withRates(emptyCounts());
  if (!latest) {
    return {
      from: null,
      to: null,
      total: empty,
      byVersion: [],
      byDay: [],
      byVersionDay: [],
      byCategory: [],
      simulatedEvents: 0,
    };
  }
  const to = input.to ?? latest.toISOString().slice(0, 10);
  const from = input.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  const groups = await listOnlineMetricGroups(database.sql, database.dialect, {
    from: new Date(`${from}T00:00:00Z`),
    until: new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000),
  });
  const total = emptyCounts();
  const byVersion = new Map<string, OnlineCounts>();
  const byDay = new Map<string, OnlineCounts>();
  const byVersionDay = new Map<string, OnlineCounts>();
  const byCategory = new Map<string, OnlineCounts>();
  let simulatedEvents = 0;
  for (const group of groups) {
    if ((input.traffic === "real" && group.simulated) || (input.traffic === "simulated" && !group.simulated)) continue;
    if (group.simulated) simulatedEvents += group.events;
    const version = group.modelVersionId === null ? "none" : String(group.modelVersionId);
    for (const [map, key] of [
      [byVersion, version],
      [byDay, group.day],
      [byVersionDay, `${version}|${group.day}`],
      [byCategory, group.category],
    ] as const) {
      let counts = map.get(key);
      if (!counts) {
        counts = emptyCounts();
        map.set(key, counts);
      }
      addEvents(counts, group);
    }
    addEvents(total, group);
  }
  const rowsOf = (map: Map<string, OnlineCounts>) =>
    [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, counts]) => ({ key, ...withRates(counts) }));
  const versionOf = (key: string) => (key === "none" ? null : Number(key));
  return {
    from,
    to,
    total: withRates(total),
    byVersion: rowsOf(byVersion).map((row) => ({ ...row, modelVersionId: versionOf(row.key) })),
    byDay: rowsOf(byDay).map((row) => ({ ...row, day: row.key })),
    byVersionDay: rowsOf(byVersionDay).map((row) => {
      const [version = "none", day = ""] = row.key.split("|");
      return { ...row, modelVersionId: versionOf(version), day };
    }),
    byCategory: rowsOf(byCategory).map((row) => ({ ...row, category: row.key })),
    simulatedEvents,
  };
}

/**
 * The latest counted event's time: one indexed lookup per type on (type, occurredAt) — a single query over all five
 * types sorted by time cannot use that index and reads every event.
 */
async function latestEventTime(db: Db): Promise<Date | null> {
  const latest = await Promise.all(
    ONLINE_METRIC_TYPES.map((type) =>
      db.interaction.findFirst({ where: { type }, orderBy: { occurredAt: "desc" }, select: { occurredAt: true } }),
    ),
  );
  const times = latest.flatMap((row) => (row ? [row.occurredAt.getTime()] : []));
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

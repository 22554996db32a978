import type { Db } from "@jewelguide/db";
import { z } from "zod";
import { addEvent, emptyCounts, type OnlineCounts, type OnlineMetrics, withRates } from "./online-metrics";

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

const TYPES = ["impression", "click", "cart", "favorite", "purchase"];

/**
 * Online metrics from the stored Interaction rows: impressions, CTR, add-to-cart rate, favourite rate, conversion
 * (purchases / impressions) and revenue (Σ price × quantity of purchases), per model version (the version that served
 * the event; "none" for events without one), per UTC day, per version and day, and per product category. Removal
 * events (context.removed) are not counted.
 */
export async function computeOnlineMetrics(db: Db, rawInput: OnlineMetricsInput = {}): Promise<OnlineMetricsReport> {
  const input = OnlineMetricsInputSchema.parse(rawInput);
  const latest = await db.interaction.findFirst({
    where: { type: { in: TYPES } },
    orderBy: { occurredAt: "desc" },
    select: { occurredAt: true },
  });
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
  const to = input.to ?? latest.occurredAt.toISOString().slice(0, 10);
  const from = input.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  const rows = await db.interaction.findMany({
    where: {
      type: { in: TYPES },
      occurredAt: { gte: new Date(`${from}T00:00:00Z`), lt: new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) },
    },
    select: {
      type: true,
      price: true,
      quantity: true,
      modelVersionId: true,
      occurredAt: true,
      context: true,
      product: { select: { category: true } },
    },
  });
  const total = emptyCounts();
  const byVersion = new Map<string, OnlineCounts>();
  const byDay = new Map<string, OnlineCounts>();
  const byVersionDay = new Map<string, OnlineCounts>();
  const byCategory = new Map<string, OnlineCounts>();
  let simulatedEvents = 0;
  for (const row of rows) {
    const context = isRecord(row.context) ? row.context : {};
    if (context.removed === true) continue;
    const simulated = context.simulated === true;
    if ((input.traffic === "real" && simulated) || (input.traffic === "simulated" && !simulated)) continue;
    if (simulated) simulatedEvents += 1;
    const version = row.modelVersionId === null ? "none" : String(row.modelVersionId);
    const day = row.occurredAt.toISOString().slice(0, 10);
    for (const [map, key] of [
      [byVersion, version],
      [byDay, day],
      [byVersionDay, `${version}|${day}`],
      [byCategory, row.product.category],
    ] as const) {
      let counts = map.get(key);
      if (!counts) {
        counts = emptyCounts();
        map.set(key, counts);
      }
      addEvent(counts, row);
    }
    addEvent(total, row);
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

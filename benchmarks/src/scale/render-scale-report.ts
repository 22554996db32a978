import fs from "node:fs";
import path from "node:path";
import type { TierResult } from "./run-scale-tier";
import { type ChartSeries, renderLineChart } from "./svg-line-chart";

/** The budgets of issue 16 item 5, checked per tier. */
export const SCALE_TARGETS = { webRssMb: 1024, feedP99Ms: 50, trainingMinutes: 30, dashboardPageMs: 1000 } as const;

/** One dashboard page load: every query it makes, one after another (their medians summed), in ms. */
export function dashboardPageMs(tier: TierResult): number | null {
  if (!tier.dashboard) return null;
  return round(Object.values(tier.dashboard.queries).reduce((sum, query) => sum + query.medianMs, 0));
}

/** " × 10" after a joint fit's seconds per epoch when it ran more than one epoch (the whole fit, bounded). */
function epochsNote(epochs: number | null): string {
  return epochs !== null && epochs > 1 ? ` × ${epochs}` : "";
}

/** The markdown table of every tier: one row per tier, "—" where a step did not run. */
export function formatScaleTable(tiers: readonly TierResult[]): string {
  const dash = "—";
  const n = (value: number | null | undefined, digits = 0) =>
    value === null || value === undefined ? dash : value.toLocaleString("en-US", { maximumFractionDigits: digits });
  const rows = tiers.map((tier) => {
    const joint = tier.training?.joint;
    const knn = tier.training?.itemknn;
    return [
      n(tier.products),
      n(tier.events),
      n(tier.shoppers),
      n(tier.import?.events.rowsPerSecond),
      n(tier.import?.catalog.rowsPerSecond),
      n(tier.featurize?.rowsPerSecond),
      joint ? `${n(joint.secondsPerEpoch, 1)} s${epochsNote(joint.epochs)} / ${n(joint.peakRssMb)} MB` : dash,
      knn ? `${n(knn.fitSeconds, 1)} s / ${n(knn.peakRssMb)} MB` : dash,
      joint ? n(joint.artifactBytes / 1048576, 1) : dash,
      knn ? n(knn.artifactBytes / 1048576, 1) : dash,
      n(tier.scoring?.p50Ms, 2),
      tier.http ? n(tier.http.webRssMb.max) : dash,
      tier.http ? feedCell(tier.http.feed, n) : dash,
      n(dashboardPageMs(tier)),
      tier.failed ? `${tier.failed.step}: ${tier.failed.message.slice(0, 80)}` : "",
    ];
  });
  const header = [
    "products",
    "events",
    "shoppers",
    "import events rows/s",
    "import catalog rows/s",
    "featurize products/s",
    "joint: s per epoch / peak RSS",
    "item-kNN: fit s / peak RSS",
    "joint artifact MB",
    "item-kNN artifact MB",
    "scoring p50 ms",
    "web RSS MB",
    "feed p99 ms at 32 conn.",
    "dashboard page ms",
    "stopped at",
  ];
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

/** "p99 (req/s, CPU ms per request)": the CPU figure when the run recorded it. */
function feedCell(
  feed: NonNullable<TierResult["http"]>["feed"],
  n: (value: number | null | undefined, digits?: number) => string,
): string {
  const cpu = feed.serverCpuMsPerRequest;
  return `${n(feed.p99Ms)} (${n(feed.requestsPerSecond)} req/s${cpu ? `, ${n(cpu, 2)} CPU ms/req` : ""})`;
}

/**
 * Writes the scale plots (log-log, one line per catalog size, events on x) as SVG files into `dir`; returns their
 * paths. Tiers without a figure leave that point out.
 */
export function writeScalePlots(tiers: readonly TierResult[], dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const catalogSizes = [...new Set(tiers.map((tier) => tier.products))].sort((a, b) => a - b);
  const series = (label: string, value: (tier: TierResult) => number | null | undefined): ChartSeries[] =>
    catalogSizes.map((products) => ({
      name: `${label}${products.toLocaleString("en-US")} products`,
      points: tiers
        .filter((tier) => tier.products === products)
        .flatMap((tier) => {
          const y = value(tier);
          return y === null || y === undefined ? [] : [[tier.events, y] as const];
        })
        .sort(([a], [b]) => a - b),
    }));
  const charts: Record<string, Parameters<typeof renderLineChart>[0]> = {
    "scale-time.svg": {
      title: "Work that grows with the events",
      xLabel: "events",
      yLabel: "seconds",
      series: [
        ...series("import events, ", (tier) => tier.import?.events.seconds),
        ...series("joint epoch, ", (tier) => tier.training?.joint.secondsPerEpoch),
        ...series("item-kNN fit, ", (tier) => tier.training?.itemknn.fitSeconds),
      ],
      target: { value: SCALE_TARGETS.trainingMinutes * 60, label: "30 min" },
    },
    "scale-memory.svg": {
      title: "Peak memory",
      xLabel: "events",
      yLabel: "MB (RSS)",
      series: [
        ...series("joint training, ", (tier) => tier.training?.joint.peakRssMb),
        ...series("item-kNN training, ", (tier) => tier.training?.itemknn.peakRssMb),
        ...series("web process, ", (tier) => tier.http?.webRssMb.max),
      ],
      target: { value: SCALE_TARGETS.webRssMb, label: "1 GB web budget" },
    },
    "scale-latency.svg": {
      title: "Serving and dashboard latency",
      xLabel: "events",
      yLabel: "ms",
      series: [
        ...series("feed p99, ", (tier) => tier.http?.feed.p99Ms),
        ...series("scoring p50, ", (tier) => tier.scoring?.p50Ms),
        ...series("dashboard page, ", dashboardPageMs),
      ],
      target: { value: SCALE_TARGETS.feedP99Ms, label: "50 ms feed p99" },
    },
  };
  return Object.entries(charts).map(([file, chart]) => {
    const target = path.join(dir, file);
    fs.writeFileSync(target, renderLineChart(chart));
    return target;
  });
}

/** Per tier, which of the issue's budgets it met (a budget without a measure is left out). */
export function scaleVerdicts(tiers: readonly TierResult[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const tier of tiers) {
    const name = `${tier.products} products / ${tier.events} events`;
    if (tier.http) {
      out[`${name}: web RSS < 1 GB`] = tier.http.webRssMb.max < SCALE_TARGETS.webRssMb;
      out[`${name}: feed p99 ≤ 50 ms`] = tier.http.feed.p99Ms <= SCALE_TARGETS.feedP99Ms;
    }
    const page = dashboardPageMs(tier);
    if (page !== null) out[`${name}: dashboard page ≤ 1 s`] = page <= SCALE_TARGETS.dashboardPageMs;
  }
  return out;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

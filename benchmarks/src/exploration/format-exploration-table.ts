import type { ExplorationBenchmarkResult, PolicySummary } from "./run-exploration-benchmark";

/**
 * The Markdown tables of exploration.json for BENCHMARKS.md: one row per policy (purchases and coverage; then new-item
 * discovery: first sales, first clicks, impressions), each exploring figure also as its paired difference with greedy
 * on the same seed (mean ± std over seeds), the cumulative purchases and coverage day by day, then the off-policy
 * validation.
 */
export function formatExplorationTable(result: Pick<ExplorationBenchmarkResult, "policies" | "offPolicy">): string {
  const fmt = (mean: number | undefined, std: number | undefined, digits: number, scale = 1) =>
    mean === undefined ? "–" : `${(mean * scale).toFixed(digits)} ± ${((std ?? 0) * scale).toFixed(digits)}`;
  const paired = (summary: PolicySummary, name: string, digits: number) =>
    summary.share === 0
      ? "–"
      : fmt(summary.final.mean[`${name}_minus_greedy`], summary.final.std[`${name}_minus_greedy`], digits);
  // A result written before first clicks were recorded has none: "–".
  const firstDay = (events: PolicySummary["firstSales"] | undefined) =>
    events === undefined || events.meanDay === null ? "–" : `${events.meanDay.toFixed(1)} (${events.items})`;
  const lines = [
    "| policy | exploratory slots | purchases | vs greedy | minus greedy, paired | clicks | coverage | exploratory clicks / impressions |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
  ];
  const discovery = [
    "| policy | new items sold | minus greedy, paired | day of first sale (items, all seeds) | new items clicked | minus greedy, paired | day of first click (items, all seeds) | new-item impressions |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const [name, summary] of Object.entries(result.policies)) {
    const { mean, std } = summary.final;
    const explored = mean.exploratory_impressions ?? 0;
    lines.push(
      `| ${name} | ${summary.slots.length === 0 ? "–" : summary.slots.join(", ")} | ${fmt(mean.purchases, std.purchases, 1)} | ` +
        `${summary.share === 0 ? "–" : `${fmt(mean.purchases_vs_greedy, std.purchases_vs_greedy, 1, 100)} %`} | ` +
        `${paired(summary, "purchases", 1)} | ${fmt(mean.clicks, std.clicks, 0)} | ${fmt(mean.coverage, std.coverage, 3)} | ` +
        `${explored === 0 ? "–" : ((mean.exploratory_clicks ?? 0) / explored).toFixed(4)} |`,
    );
    discovery.push(
      `| ${name} | ${fmt(mean.new_items_sold, std.new_items_sold, 1)} | ${paired(summary, "new_items_sold", 1)} | ` +
        `${firstDay(summary.firstSales)} | ${fmt(mean.new_items_clicked, std.new_items_clicked, 1)} | ` +
        `${paired(summary, "new_items_clicked", 1)} | ${firstDay(summary.firstClicks)} | ` +
        `${fmt(mean.new_item_impressions, std.new_item_impressions, 0)} |`,
    );
  }
  lines.push("", ...discovery);
  lines.push("", ...formatPerDay(result.policies));
  if (result.offPolicy.length === 0) return lines.join("\n");
  lines.push(
    "",
    "| seed | target policy | truth | IPS [95 %] | SNIPS [95 %] | DR [95 %] | ESS | inside (IPS/SNIPS/DR) |",
    "|---:|---|---:|---:|---:|---:|---:|---|",
  );
  const interval = (value: { estimate: number; lower: number; upper: number }) =>
    `${value.estimate.toFixed(4)} [${value.lower.toFixed(4)}, ${value.upper.toFixed(4)}]`;
  for (const run of result.offPolicy) {
    for (const target of run.targets) {
      const { offPolicy, covered } = target;
      lines.push(
        `| ${run.seed} | ${target.name} | ${target.truth.estimate.toFixed(4)} | ${interval(offPolicy.inversePropensity)} | ` +
          `${interval(offPolicy.selfNormalised)} | ${interval(offPolicy.doublyRobust)} | ${offPolicy.effectiveSampleSize.toFixed(0)} | ` +
          `${[covered.inversePropensity, covered.selfNormalised, covered.doublyRobust].map((inside) => (inside ? "yes" : "no")).join(" / ")} |`,
      );
    }
  }
  return lines.join("\n");
}

/** Cumulative purchases and coverage (mean over seeds) at the end of each simulated day, one column per policy. */
function formatPerDay(policies: ExplorationBenchmarkResult["policies"]): string[] {
  const names = Object.keys(policies);
  const days = Math.max(0, ...names.map((name) => policies[name]?.perDay.length ?? 0));
  const lines = [
    `| day | ${names.map((name) => `${name}: purchases / coverage`).join(" | ")} |`,
    `|---:|${names.map(() => "---:").join("|")}|`,
  ];
  for (let day = 0; day < days; day++) {
    const cells = names.map((name) => {
      const mean = policies[name]?.perDay[day]?.mean;
      return mean === undefined
        ? "–"
        : `${(mean.cumulativePurchases ?? 0).toFixed(1)} / ${(mean.coverage ?? 0).toFixed(3)}`;
    });
    lines.push(`| ${day + 1} | ${cells.join(" | ")} |`);
  }
  return lines;
}

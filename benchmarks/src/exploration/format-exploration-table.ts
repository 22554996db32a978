import type { ExplorationBenchmarkResult } from "./run-exploration-benchmark";

/**
 * The Markdown tables of exploration.json for BENCHMARKS.md: one row per policy, the cumulative purchases and coverage
 * day by day, then the off-policy validation.
 */
export function formatExplorationTable(result: Pick<ExplorationBenchmarkResult, "policies" | "offPolicy">): string {
  const fmt = (mean: number | undefined, std: number | undefined, digits: number, scale = 1) =>
    mean === undefined ? "–" : `${(mean * scale).toFixed(digits)} ± ${((std ?? 0) * scale).toFixed(digits)}`;
  const lines = [
    "| policy | exploratory slots | purchases | vs greedy | clicks | coverage | new items sold | day of first sale (all seeds) | exploratory clicks / impressions |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const [name, summary] of Object.entries(result.policies)) {
    const { mean, std } = summary.final;
    const explored = mean.exploratory_impressions ?? 0;
    lines.push(
      `| ${name} | ${summary.slots.length === 0 ? "–" : summary.slots.join(", ")} | ${fmt(mean.purchases, std.purchases, 1)} | ` +
        `${summary.share === 0 ? "–" : `${fmt(mean.purchases_vs_greedy, std.purchases_vs_greedy, 1, 100)} %`} | ` +
        `${fmt(mean.clicks, std.clicks, 0)} | ${fmt(mean.coverage, std.coverage, 3)} | ` +
        `${fmt(mean.new_items_sold_share, std.new_items_sold_share, 2, 100)} % (${fmt(mean.new_items_sold, std.new_items_sold, 1)}) | ` +
        `${summary.firstSales.meanDay === null ? "–" : `${summary.firstSales.meanDay.toFixed(1)} (${summary.firstSales.items} sales)`} | ` +
        `${explored === 0 ? "–" : ((mean.exploratory_clicks ?? 0) / explored).toFixed(4)} |`,
    );
  }
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

const COLUMNS = [
  "recall@10",
  "ndcg@10",
  "recall@20",
  "ndcg@20",
  "precision@20",
  "mrr@20",
  "coverage@20",
  "cold_recall@20",
  "train_seconds",
  "peak_rss_mb",
] as const;

/** The benchmark results as a Markdown table (the one BENCHMARKS.md shows). */
export function formatBenchmarkTable(models: Record<string, Record<string, unknown>>): string {
  const header = `| model | ${COLUMNS.join(" | ")} |`;
  const rule = `|---|${COLUMNS.map(() => "---:").join("|")}|`;
  const rows = Object.entries(models).map(([name, metrics]) => {
    const cells = COLUMNS.map((column) => {
      const value = metrics[column];
      if (typeof value !== "number") return "–";
      return column === "train_seconds" || column === "peak_rss_mb" ? value.toFixed(0) : value.toFixed(4);
    });
    return `| ${name} | ${cells.join(" | ")} |`;
  });
  return [header, rule, ...rows].join("\n");
}

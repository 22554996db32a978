const COLUMNS = [
  "recall@10",
  "ndcg@10",
  "recall@20",
  "ndcg@20",
  "precision@20",
  "mrr@20",
  "coverage@20",
  "cold_recall@20",
  "item_cold_recall@20",
  "train_seconds",
  "peak_rss_mb",
] as const;

/** Columns whose Wilson 95 % interval (the record's `ci95`) is printed under the value. */
const WITH_INTERVAL = new Set<string>(["recall@20", "cold_recall@20", "item_cold_recall@20"]);

/**
 * The benchmark results as the Markdown table BENCHMARKS.md shows: mean ± std over the refit seeds (a model run once
 * — deterministic — shows its value alone), the Recall@20 slices with their 95 % interval, "–" where a model has no
 * such number (item cold start: models that cannot score unseen items).
 */
export function formatBenchmarkTable(models: Record<string, Record<string, unknown>>): string {
  const header = `| model | runs | ${COLUMNS.join(" | ")} |`;
  const rule = `|---|---:|${COLUMNS.map(() => "---:").join("|")}|`;
  const rows = Object.entries(models).map(([name, record]) => {
    const std = asNumbers(record.std);
    const intervals = (record.ci95 ?? {}) as Record<string, unknown>;
    const runs = typeof record.runs === "number" ? record.runs : 1;
    const cells = COLUMNS.map((column) => {
      const value = record[column];
      if (typeof value !== "number") return "–";
      const digits = column === "train_seconds" || column === "peak_rss_mb" ? 0 : 4;
      const spread = std[column];
      let cell =
        runs > 1 && spread !== undefined
          ? `${value.toFixed(digits)} ± ${spread.toFixed(digits)}`
          : value.toFixed(digits);
      const interval = intervals[column];
      if (WITH_INTERVAL.has(column) && Array.isArray(interval) && interval.length === 2) {
        cell += ` [${Number(interval[0]).toFixed(3)}, ${Number(interval[1]).toFixed(3)}]`;
      }
      return cell;
    });
    return `| ${name} | ${runs} | ${cells.join(" | ")} |`;
  });
  const note =
    "Mean ± sample std over the refit seeds; runs 1 = deterministic (std 0). [a, b]: Wilson 95 % interval over shoppers.";
  return [header, rule, ...rows, "", note].join("\n");
}

function asNumbers(value: unknown): Record<string, number> {
  if (value === null || typeof value !== "object") return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === "number"),
  );
}

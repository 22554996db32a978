import { type ParsedModelMetrics, parseModelMetrics, readSplitMetric } from "@jewelguide/db";
import { formatTextTable } from "./format-text-table";

type VersionRow = {
  id: number;
  kind: string;
  status: string;
  metrics: unknown;
  artifactSize: number;
  createdAt: Date;
};

const COLUMNS = ["id", "status", "kind", "val R@20", "val N@20", "test R@20", "test N@20", "size", "created"];

/**
 * A fixed-width text table of versions with their offline metrics ("-" where a metric is missing, "malformed" in the
 * first metric column when the stored metrics do not parse).
 */
export function formatVersionsTable(versions: readonly VersionRow[]): string {
  const rows = versions.map((v) => {
    const metrics = parseModelMetrics(v.metrics);
    return [
      String(v.id),
      v.status,
      v.kind,
      metrics.ok ? formatMetric(metrics, "validation", "recall@20") : "malformed",
      formatMetric(metrics, "validation", "ndcg@20"),
      formatMetric(metrics, "test", "recall@20"),
      formatMetric(metrics, "test", "ndcg@20"),
      `${(v.artifactSize / 1e6).toFixed(1)} MB`,
      v.createdAt.toISOString().slice(0, 16).replace("T", " "),
    ];
  });
  return formatTextTable(COLUMNS, rows);
}

function formatMetric(metrics: ParsedModelMetrics, split: "validation" | "test", name: string): string {
  return readSplitMetric(metrics, split, name)?.toFixed(4) ?? "-";
}

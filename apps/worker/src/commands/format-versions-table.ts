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

/** A fixed-width text table of versions with their offline metrics ("-" where a metric is missing). */
export function formatVersionsTable(versions: readonly VersionRow[]): string {
  const rows = versions.map((v) => [
    String(v.id),
    v.status,
    v.kind,
    formatMetric(v.metrics, "validation", "recall@20"),
    formatMetric(v.metrics, "validation", "ndcg@20"),
    formatMetric(v.metrics, "test", "recall@20"),
    formatMetric(v.metrics, "test", "ndcg@20"),
    `${(v.artifactSize / 1e6).toFixed(1)} MB`,
    v.createdAt.toISOString().slice(0, 16).replace("T", " "),
  ]);
  return formatTextTable(COLUMNS, rows);
}

function formatMetric(metrics: unknown, split: string, name: string): string {
  if (typeof metrics !== "object" || metrics === null) return "-";
  const group = (metrics as Record<string, unknown>)[split];
  if (typeof group !== "object" || group === null) return "-";
  const value = (group as Record<string, unknown>)[name];
  return typeof value === "number" ? value.toFixed(4) : "-";
}

import type { AuditEntry } from "@jewelguide/db";
import { formatTextTable } from "./format-text-table";

const COLUMNS = ["id", "at (UTC)", "actor", "role", "action", "version", "forced", "details"];

/** A fixed-width text table of audit entries; the version column is `from → to` ("-" for none). */
export function formatAuditTable(entries: readonly AuditEntry[]): string {
  const rows = entries.map((entry) => [
    String(entry.id),
    entry.at.toISOString().slice(0, 19).replace("T", " "),
    entry.actor,
    entry.actorRole,
    entry.action,
    formatVersions(entry.fromVersionId, entry.toVersionId),
    entry.forced ? "forced" : "",
    Object.keys(entry.details).length === 0 ? "" : JSON.stringify(entry.details),
  ]);
  return formatTextTable(COLUMNS, rows);
}

function formatVersions(from: number | null, to: number | null): string {
  if (from === null && to === null) return "-";
  return `${from ?? "-"} → ${to ?? "-"}`;
}

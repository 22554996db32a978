import type { DashboardMessages } from "@jewelguide/i18n";
import type { DashboardOutputs } from "./dashboard-outputs";
import { DataTable } from "./data-table";

/**
 * The latest audit entries as a table: when, who (e-mail or worker account, with the role acted in), what, which
 * version was replaced by which, whether the gates were forced, and the remaining details as `key: value` pairs.
 */
export function AuditLogTable({ entries, t }: { entries: DashboardOutputs["auditLog"]; t: DashboardMessages }) {
  if (entries.length === 0) return <p>{t.noAuditEntries}</p>;
  return (
    <DataTable
      titles={[t.auditAt, t.auditActor, t.auditAction, t.auditVersions, t.auditForced, t.auditDetails]}
      rows={entries.map((entry) => ({
        key: entry.id,
        highlight: entry.forced,
        cells: [
          entry.at.toISOString().slice(0, 19).replace("T", " "),
          `${entry.actor} (${entry.actorRole})`,
          t.auditActions[entry.action] ?? entry.action,
          formatVersions(entry.fromVersionId, entry.toVersionId),
          entry.toVersionId === null ? "–" : entry.forced ? t.forcedYes : t.forcedNo,
          formatDetails(entry.details),
        ],
      }))}
    />
  );
}

function formatVersions(from: number | null, to: number | null): string {
  if (from === null && to === null) return "–";
  return `${from === null ? "–" : `v${from}`} → ${to === null ? "–" : `v${to}`}`;
}

function formatDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join("; ") : String(value)}`)
    .join(" · ");
}

import { type DashboardMessages, formatMessage } from "@jewelguide/i18n";
import { AuditLogTable } from "./audit-log-table";
import type { DashboardOutputs } from "./dashboard-outputs";
import { DashboardSection } from "./dashboard-section";

/** How many of the latest audit entries the dashboard shows. */
export const AUDIT_ROWS = 20;

/** Who published, rolled back or ran A/B tests: the latest AUDIT_ROWS entries. */
export function AuditLogSection({ entries, t }: { entries: DashboardOutputs["auditLog"]; t: DashboardMessages }) {
  return (
    <DashboardSection id="audit" heading={t.auditLog}>
      <p className="text-sm text-muted">{formatMessage(t.auditIntro, { count: AUDIT_ROWS })}</p>
      <AuditLogTable entries={entries} t={t} />
    </DashboardSection>
  );
}

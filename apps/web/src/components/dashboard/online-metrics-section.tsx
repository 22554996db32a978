import { type DashboardMessages, formatMessage } from "@jewelguide/i18n";
import type { DashboardOutputs } from "./dashboard-outputs";
import { DashboardSection } from "./dashboard-section";
import { MetricsTable } from "./metrics-table";

type OnlineMetricsSectionProps = { online: DashboardOutputs["onlineMetrics"]; t: DashboardMessages };

/** Online metrics from logged events, by model version, by day and by category; says when events were simulated. */
export function OnlineMetricsSection({ online, t }: OnlineMetricsSectionProps) {
  return (
    <DashboardSection id="online" heading={t.online}>
      {online.from === null ? (
        <p>{t.noEvents}</p>
      ) : (
        <>
          <p className="text-sm text-muted">
            {formatMessage(t.onlineIntro, { from: online.from, to: online.to ?? "" })}
          </p>
          {online.simulatedEvents > 0 ? (
            <p className="rounded border border-gold-300 bg-gold-50 px-3 py-2 text-sm">
              {formatMessage(t.simulatedNote, { count: online.simulatedEvents })}
            </p>
          ) : null}
          <h3 className="text-lg text-ink">{t.byVersion}</h3>
          <MetricsTable
            first={t.id}
            t={t}
            rows={online.byVersion.map((row) => ({
              ...row,
              label: row.modelVersionId === null ? t.noVersion : `v${row.modelVersionId}`,
            }))}
          />
          <h3 className="text-lg text-ink">{t.byDay}</h3>
          <MetricsTable first={t.byDay} t={t} rows={online.byDay.map((row) => ({ ...row, label: row.day }))} />
          <h3 className="text-lg text-ink">{t.byCategory}</h3>
          <MetricsTable
            first={t.byCategory}
            t={t}
            rows={online.byCategory.map((row) => ({ ...row, label: row.category }))}
          />
        </>
      )}
    </DashboardSection>
  );
}

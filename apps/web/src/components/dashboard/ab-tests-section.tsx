import { type DashboardMessages, formatMessage } from "@jewelguide/i18n";
import { startAbTestAction, stopAbTestAction } from "@/app/dashboard/actions";
import type { DashboardOutputs } from "./dashboard-outputs";
import { DASHBOARD_BUTTON, DashboardSection } from "./dashboard-section";
import { DataTable } from "./data-table";
import { formatRate } from "./metrics-table";

type AbTestsSectionProps = {
  /** The latest A/B test's report, or null when there has been none. */
  report: DashboardOutputs["abTestReport"] | null;
  versions: DashboardOutputs["versions"];
  isAdmin: boolean;
  t: DashboardMessages;
};

/**
 * The latest A/B test: per arm CTR and conversion with intervals, revenue and p-values; an admin can stop it (or
 * promote an arm) while it runs, or start a new one between two stored versions when none runs.
 */
export function AbTestsSection({ report, versions, isAdmin, t }: AbTestsSectionProps) {
  return (
    <DashboardSection id="ab" heading={t.abTests}>
      <p className="text-sm text-muted">{t.abIntro}</p>
      <p className="text-sm text-muted">{t.abServingNote}</p>
      {report ? (
        <div className="flex flex-col gap-2">
          <p>
            {report.test.name} · {report.test.status === "running" ? t.running : t.stopped} · {t.shareB}{" "}
            {(report.test.shareB * 100).toFixed(0)}%
            {report.test.winnerVersionId !== null
              ? ` · ${formatMessage(t.winner, { id: report.test.winnerVersionId })}`
              : ""}
          </p>
          {report.simulatedEvents > 0 ? (
            <p className="text-sm">{formatMessage(t.simulatedNote, { count: report.simulatedEvents })}</p>
          ) : null}
          <DataTable
            titles={[t.arm, t.id, t.shoppers, t.impressions, t.ctr, t.conversion, t.revenue]}
            rows={report.arms.map((arm) => ({
              key: arm.arm,
              cells: [
                arm.arm,
                `v${arm.versionId}`,
                arm.shoppers,
                arm.impressions,
                `${formatRate(arm.ctr)} [${formatRate(arm.ctrInterval.low)}, ${formatRate(arm.ctrInterval.high)}]`,
                `${formatRate(arm.conversion)} [${formatRate(arm.conversionInterval.low)}, ${formatRate(arm.conversionInterval.high)}]`,
                arm.revenue.toFixed(2),
              ],
            }))}
          />
          <p className="text-sm">
            {t.ctr} {t.pValue}: {report.ctrTest ? report.ctrTest.pValue.toFixed(4) : "–"} · {t.conversion} {t.pValue}:{" "}
            {report.conversionTest ? report.conversionTest.pValue.toFixed(4) : "–"}
          </p>
          {isAdmin && report.test.status === "running" ? (
            <form action={stopAbTestAction} className="flex flex-wrap items-center gap-2">
              <input type="hidden" name="id" value={report.test.id} />
              <button type="submit" className={DASHBOARD_BUTTON}>
                {t.abStop}
              </button>
              <button type="submit" name="promote" value="A" className={DASHBOARD_BUTTON}>
                {formatMessage(t.abPromote, { arm: "A" })}
              </button>
              <button type="submit" name="promote" value="B" className={DASHBOARD_BUTTON}>
                {formatMessage(t.abPromote, { arm: "B" })}
              </button>
              <label className="flex items-center gap-1 text-sm text-muted">
                <input type="checkbox" name="force" value="1" />
                {t.force}
              </label>
            </form>
          ) : null}
        </div>
      ) : (
        <p>{t.noAbTests}</p>
      )}
      {isAdmin && versions.length >= 2 && report?.test.status !== "running" ? (
        <form action={startAbTestAction} className="flex flex-wrap items-end gap-3 text-sm">
          <label className="flex flex-col gap-1">
            {t.abName}
            <input name="name" className="rounded border border-line px-2 py-1" />
          </label>
          {(["versionA", "versionB"] as const).map((field, index) => (
            <label key={field} className="flex flex-col gap-1">
              {t[field]}
              <select name={field} defaultValue={versions[index]?.id} className="rounded border border-line px-2 py-1">
                {versions
                  .filter((v) => v.artifactSize > 0)
                  .map((v) => (
                    <option key={v.id} value={v.id}>
                      v{v.id} {v.kind} ({v.status})
                    </option>
                  ))}
              </select>
            </label>
          ))}
          <label className="flex flex-col gap-1">
            {t.shareB}
            <input
              name="shareB"
              type="number"
              min="0.01"
              max="0.99"
              step="0.01"
              defaultValue="0.5"
              className="w-24 rounded border border-line px-2 py-1"
            />
          </label>
          <button type="submit" className={DASHBOARD_BUTTON}>
            {t.abStart}
          </button>
        </form>
      ) : null}
    </DashboardSection>
  );
}

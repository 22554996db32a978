import { type DashboardMessages, formatMessage } from "@jewelguide/i18n";
import { publishAction, rollbackAction } from "@/app/dashboard/actions";
import { BarChart } from "./bar-chart";
import type { DashboardOutputs } from "./dashboard-outputs";
import { DASHBOARD_BUTTON, DashboardSection } from "./dashboard-section";
import { DataTable } from "./data-table";

const CHART_METRICS = ["recall@20", "ndcg@20", "precision@20", "recall@10", "ndcg@10"];

type VersionsSectionProps = { versions: DashboardOutputs["versions"]; isAdmin: boolean; t: DashboardMessages };

/**
 * Model versions, newest first, with their offline metrics; an admin can publish one (through the gates or forced)
 * or roll back. Charts show each version's test metrics beside the baselines trained with it, oldest first.
 */
export function VersionsSection({ versions, isAdmin, t }: VersionsSectionProps) {
  const chronological = [...versions].reverse();
  return (
    <DashboardSection id="versions" heading={t.versions}>
      <p className="text-sm text-muted">{t.versionsIntro}</p>
      {versions.length === 0 ? (
        <p>{t.noVersions}</p>
      ) : (
        <>
          <DataTable
            titles={[
              t.id,
              t.status,
              t.kind,
              "val R@20",
              "val N@20",
              "test R@20",
              "test N@20",
              "test P@20",
              t.events,
              t.created,
              ...(isAdmin ? [t.actions] : []),
            ]}
            rows={versions.map((v) => ({
              key: v.id,
              highlight: v.status === "active",
              cells: [
                v.id,
                v.status,
                v.kind,
                ...[
                  v.validation["recall@20"],
                  v.validation["ndcg@20"],
                  v.test["recall@20"],
                  v.test["ndcg@20"],
                  v.test["precision@20"],
                ].map((value) => (value === undefined ? "–" : value.toFixed(4))),
                v.dataSnapshot.interactions ?? "–",
                v.createdAt.toISOString().slice(0, 16).replace("T", " "),
                ...(isAdmin
                  ? [
                      v.status !== "active" && v.artifactSize > 0 ? (
                        <form key="publish" action={publishAction} className="flex gap-1">
                          <input type="hidden" name="id" value={v.id} />
                          <button type="submit" className={DASHBOARD_BUTTON}>
                            {t.publish}
                          </button>
                          <button type="submit" name="force" value="1" className={DASHBOARD_BUTTON}>
                            {t.publishForce}
                          </button>
                        </form>
                      ) : null,
                    ]
                  : []),
              ],
            }))}
          />
          {isAdmin ? (
            <form action={rollbackAction} className="flex flex-wrap items-center gap-3 text-sm">
              <button type="submit" className={DASHBOARD_BUTTON}>
                {t.rollback}
              </button>
              <label className="flex items-center gap-1 text-muted">
                <input type="checkbox" name="force" value="1" />
                {t.force}
              </label>
            </form>
          ) : null}
          <div className="grid gap-6 md:grid-cols-2">
            {CHART_METRICS.map((metric) => (
              <BarChart
                key={metric}
                title={formatMessage(t.chartTitle, { metric })}
                bars={chronological
                  .filter((v) => v.test[metric] !== undefined)
                  .flatMap((v) => [
                    { label: `v${v.id} ${v.kind}`, value: v.test[metric] ?? 0, highlight: v.status === "active" },
                    ...Object.entries(v.baselines)
                      .filter(([, values]) => values[metric] !== undefined)
                      .map(([name, values]) => ({ label: `v${v.id} ${name}*`, value: values[metric] ?? 0 })),
                  ])}
              />
            ))}
          </div>
        </>
      )}
    </DashboardSection>
  );
}

import type { AbTestReport } from "@jewelguide/api";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuditLogTable } from "@/components/dashboard/audit-log-table";
import { BarChart } from "@/components/dashboard/bar-chart";
import { DataTable } from "@/components/dashboard/data-table";
import { formatRate, MetricsTable } from "@/components/dashboard/metrics-table";
import { fill, getDashboardMessages } from "@/i18n/dashboard-messages";
import { getLanguage } from "@/i18n/get-language";
import { getStaffCaller } from "@/server/staff-caller";
import { logOutAction, publishAction, rollbackAction, startAbTestAction, stopAbTestAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getDashboardMessages(await getLanguage()).title, robots: { index: false } };
}

const CHART_METRICS = ["recall@20", "ndcg@20", "precision@20", "recall@10", "ndcg@10"];
const BENCHMARK_METRICS = ["recall@20", "ndcg@20", "precision@20", "recall@10", "ndcg@10", "cold_recall@20"];
const button = "rounded border border-line px-2 py-1 text-xs hover:border-gold-500 hover:text-gold-700";
const AUDIT_ROWS = 20;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const t = getDashboardMessages(await getLanguage());
  const caller = await getStaffCaller();
  const staff = await caller.staffAuth.me();
  if (!staff) redirect("/dashboard/login");
  const [versions, online, health, abTests, benchmark, audit] = await Promise.all([
    caller.dashboard.versions(),
    caller.dashboard.onlineMetrics({}),
    caller.dashboard.catalogHealth(),
    caller.dashboard.abTests(),
    caller.dashboard.offlineBenchmark(),
    caller.dashboard.auditLog({ limit: AUDIT_ROWS }),
  ]);
  const latestTest = abTests[0];
  const report: AbTestReport | null = latestTest ? await caller.dashboard.abTestReport({ id: latestTest.id }) : null;
  const isAdmin = staff.role === "admin";
  const error = (await searchParams).error;
  const chronological = [...versions].reverse();
  return (
    <div className="flex flex-col gap-10 py-8">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-3xl text-ink">{t.title}</h1>
        <div className="flex items-center gap-3 text-sm text-muted">
          <span>{fill(t.signedInAs, { email: staff.email, role: staff.role })}</span>
          <form action={logOutAction}>
            <button type="submit" className={button}>
              {t.logOut}
            </button>
          </form>
        </div>
      </header>
      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {fill(t.error, { message: error })}
        </p>
      ) : null}
      {!isAdmin ? <p className="text-sm text-muted">{t.adminOnly}</p> : null}

      <section aria-labelledby="versions" className="flex flex-col gap-4">
        <h2 id="versions" className="font-serif text-2xl text-ink">
          {t.versions}
        </h2>
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
                            <button type="submit" className={button}>
                              {t.publish}
                            </button>
                            <button type="submit" name="force" value="1" className={button}>
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
                <button type="submit" className={button}>
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
                  title={fill(t.chartTitle, { metric })}
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
      </section>

      <section aria-labelledby="benchmark" className="flex flex-col gap-4">
        <h2 id="benchmark" className="font-serif text-2xl text-ink">
          {t.benchmark}
        </h2>
        {benchmark === null ? (
          <p className="text-sm text-muted">{t.benchmarkMissing}</p>
        ) : (
          <>
            <p className="text-sm text-muted">{fill(t.benchmarkIntro, { file: benchmark.file ?? "REES46" })}</p>
            <DataTable
              titles={[t.model, t.role, ...BENCHMARK_METRICS]}
              rows={benchmark.rows.map((row) => ({
                key: row.name,
                cells: [
                  row.name,
                  t.roles[row.role],
                  ...BENCHMARK_METRICS.map((metric) => row.metrics[metric]?.toFixed(4) ?? "–"),
                ],
              }))}
            />
            <div className="grid gap-6 md:grid-cols-2">
              {["recall@20", "ndcg@20"].map((metric) => (
                <BarChart
                  key={metric}
                  title={fill(t.benchmarkChart, { metric })}
                  bars={benchmark.rows.map((row) => ({
                    label: row.name.replace("joint-no-", "−"),
                    value: row.metrics[metric] ?? 0,
                    highlight: row.role === "joint",
                  }))}
                />
              ))}
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="online" className="flex flex-col gap-4">
        <h2 id="online" className="font-serif text-2xl text-ink">
          {t.online}
        </h2>
        {online.from === null ? (
          <p>{t.noEvents}</p>
        ) : (
          <>
            <p className="text-sm text-muted">{fill(t.onlineIntro, { from: online.from, to: online.to ?? "" })}</p>
            {online.simulatedEvents > 0 ? (
              <p className="rounded border border-gold-300 bg-gold-50 px-3 py-2 text-sm">
                {fill(t.simulatedNote, { count: online.simulatedEvents })}
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
      </section>

      <section aria-labelledby="ab" className="flex flex-col gap-4">
        <h2 id="ab" className="font-serif text-2xl text-ink">
          {t.abTests}
        </h2>
        <p className="text-sm text-muted">{t.abIntro}</p>
        <p className="text-sm text-muted">{t.abServingNote}</p>
        {report ? (
          <div className="flex flex-col gap-2">
            <p>
              {report.test.name} · {report.test.status === "running" ? t.running : t.stopped} · {t.shareB}{" "}
              {(report.test.shareB * 100).toFixed(0)}%
              {report.test.winnerVersionId !== null ? ` · ${fill(t.winner, { id: report.test.winnerVersionId })}` : ""}
            </p>
            {report.simulatedEvents > 0 ? (
              <p className="text-sm">{fill(t.simulatedNote, { count: report.simulatedEvents })}</p>
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
                <button type="submit" className={button}>
                  {t.abStop}
                </button>
                <button type="submit" name="promote" value="A" className={button}>
                  {fill(t.abPromote, { arm: "A" })}
                </button>
                <button type="submit" name="promote" value="B" className={button}>
                  {fill(t.abPromote, { arm: "B" })}
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
                <select
                  name={field}
                  defaultValue={versions[index]?.id}
                  className="rounded border border-line px-2 py-1"
                >
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
            <button type="submit" className={button}>
              {t.abStart}
            </button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="audit" className="flex flex-col gap-4">
        <h2 id="audit" className="font-serif text-2xl text-ink">
          {t.auditLog}
        </h2>
        <p className="text-sm text-muted">{fill(t.auditIntro, { count: AUDIT_ROWS })}</p>
        <AuditLogTable entries={audit} t={t} />
      </section>

      <section aria-labelledby="health" className="flex flex-col gap-4">
        <h2 id="health" className="font-serif text-2xl text-ink">
          {t.health}
        </h2>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
          {[
            [t.products, String(health.products)],
            [t.withoutPhoto, String(health.withoutPhoto.count)],
            [t.withoutFeatures, String(health.withoutFeatures.count)],
            [t.cold, String(health.cold.count)],
            [t.neverRecommended, String(health.neverRecommended.count)],
            [t.coverage, formatRate(health.recommendationCoverage)],
          ].map(([label, value]) => (
            <div key={label} className="rounded border border-line p-3">
              <dt className="text-muted">{label}</dt>
              <dd className="text-xl text-ink tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        <details className="text-sm">
          <summary className="cursor-pointer text-muted">{t.neverRecommended}</summary>
          <ul className="mt-2 columns-2">
            {health.neverRecommended.sample.map((product) => (
              <li key={product.id}>
                {product.sku} · {product.category}
              </li>
            ))}
          </ul>
        </details>
      </section>
    </div>
  );
}

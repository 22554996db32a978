import { formatMessage, getDashboardMessages } from "@jewelguide/i18n";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AbTestsSection } from "@/components/dashboard/ab-tests-section";
import { AUDIT_ROWS, AuditLogSection } from "@/components/dashboard/audit-log-section";
import { CatalogHealthSection } from "@/components/dashboard/catalog-health-section";
import { DASHBOARD_BUTTON } from "@/components/dashboard/dashboard-section";
import { JobsSection } from "@/components/dashboard/jobs-section";
import { OffPolicySection } from "@/components/dashboard/off-policy-section";
import { OfflineBenchmarkSection } from "@/components/dashboard/offline-benchmark-section";
import { OnlineMetricsSection } from "@/components/dashboard/online-metrics-section";
import { VersionsSection } from "@/components/dashboard/versions-section";
import { getLanguage } from "@/i18n/get-language";
import { getStaffCaller } from "@/server/staff-caller";
import { logOutAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getDashboardMessages(await getLanguage()).title, robots: { index: false } };
}

/**
 * The merchandisers' dashboard for a signed-in staff member: every section's data is read at once, then each section
 * renders its part (versions, worker jobs, offline benchmark, online metrics, A/B tests, off-policy estimates, audit log, catalog health).
 */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const t = getDashboardMessages(await getLanguage());
  const caller = await getStaffCaller();
  const staff = await caller.staffAuth.me();
  if (!staff) redirect("/dashboard/login");
  const [versions, online, health, abTests, benchmark, audit, offPolicy, jobs] = await Promise.all([
    caller.dashboard.versions(),
    caller.dashboard.onlineMetrics({}),
    caller.dashboard.catalogHealth(),
    caller.dashboard.abTests(),
    caller.dashboard.offlineBenchmark(),
    caller.dashboard.auditLog({ limit: AUDIT_ROWS }),
    caller.dashboard.offPolicy(),
    caller.dashboard.jobs(),
  ]);
  const latestTest = abTests[0];
  const report = latestTest ? await caller.dashboard.abTestReport({ id: latestTest.id }) : null;
  const isAdmin = staff.role === "admin";
  const error = (await searchParams).error;
  return (
    <div className="flex flex-col gap-10 py-8">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-3xl text-ink">{t.title}</h1>
        <div className="flex items-center gap-3 text-sm text-muted">
          <span>{formatMessage(t.signedInAs, { email: staff.email, role: staff.role })}</span>
          <form action={logOutAction}>
            <button type="submit" className={DASHBOARD_BUTTON}>
              {t.logOut}
            </button>
          </form>
        </div>
      </header>
      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {formatMessage(t.error, { message: error })}
        </p>
      ) : null}
      {!isAdmin ? <p className="text-sm text-muted">{t.adminOnly}</p> : null}
      <VersionsSection versions={versions} isAdmin={isAdmin} t={t} />
      <JobsSection view={jobs} isAdmin={isAdmin} t={t} />
      <OfflineBenchmarkSection benchmark={benchmark} t={t} />
      <OnlineMetricsSection online={online} t={t} />
      <AbTestsSection report={report} versions={versions} isAdmin={isAdmin} t={t} />
      <OffPolicySection rows={offPolicy} t={t} />
      <AuditLogSection entries={audit} t={t} />
      <CatalogHealthSection health={health} t={t} />
    </div>
  );
}

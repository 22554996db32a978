import { type DashboardMessages, formatMessage } from "@jewelguide/i18n";
import { startJobAction } from "@/app/dashboard/actions";
import type { DashboardOutputs } from "./dashboard-outputs";
import { DASHBOARD_BUTTON, DashboardSection } from "./dashboard-section";
import { DataTable } from "./data-table";
import { RefreshWhile } from "./refresh-while";

/** How many jobs the panel lists (the service's LISTED_JOBS). */
const LISTED = 15;

type JobsSectionProps = { view: DashboardOutputs["jobs"]; isAdmin: boolean; t: DashboardMessages };

/**
 * The worker jobs: each one's status (queued → running with its progress → done or failed), who asked, attempts,
 * outcome and the end of its log. An admin starts "retrain now" and "featurize new products" here (on PostgreSQL);
 * while a job is queued or running the page refreshes itself so the progress moves.
 */
export function JobsSection({ view, isAdmin, t }: JobsSectionProps) {
  const active = view.jobs.some((job) => job.status === "queued" || job.status === "running");
  return (
    <DashboardSection id="jobs" heading={t.jobs}>
      <p className="text-sm text-muted">{formatMessage(t.jobsIntro, { count: LISTED })}</p>
      {!view.queueAvailable ? (
        <p className="text-sm text-muted" data-testid="jobs-unavailable">
          {t.jobsUnavailable}
        </p>
      ) : isAdmin ? (
        <form action={startJobAction} className="flex flex-wrap gap-2">
          <button type="submit" name="job" value="retrain" className={DASHBOARD_BUTTON}>
            {t.jobRetrain}
          </button>
          <button type="submit" name="job" value="featurize-new" className={DASHBOARD_BUTTON}>
            {t.jobFeaturize}
          </button>
        </form>
      ) : (
        <p className="text-sm text-muted">{t.jobsAdminOnly}</p>
      )}
      {view.jobs.length === 0 ? (
        <p>{t.noJobs}</p>
      ) : (
        <DataTable
          titles={[
            t.jobCreated,
            t.jobKind,
            t.jobStatus,
            t.jobProgress,
            t.jobRequestedBy,
            t.jobAttempts,
            t.jobOutcome,
            t.jobLog,
          ]}
          rows={view.jobs.map((job) => ({
            key: job.id,
            highlight: job.status === "running",
            cells: [
              job.createdAt.toISOString().slice(0, 19).replace("T", " "),
              t.jobKinds[job.kind] ?? job.kind,
              t.jobStatuses[job.status] ?? job.status,
              job.status === "running" ? (
                <span key="progress" className="flex flex-col gap-1">
                  <progress max={1} value={job.progress} aria-label={job.stage} className="w-28" />
                  <span className="text-xs text-muted">
                    {job.stage} {Math.round(job.progress * 100)}%
                  </span>
                </span>
              ) : job.status === "done" ? (
                "100%"
              ) : (
                "–"
              ),
              job.requestedBy,
              job.attempts,
              job.outcome,
              job.log === "" ? (
                "–"
              ) : (
                <details key="log">
                  <summary className="cursor-pointer text-xs">{t.jobLog}</summary>
                  <pre className="max-h-64 max-w-xl overflow-auto whitespace-pre-wrap text-xs">{job.log}</pre>
                </details>
              ),
            ],
          }))}
        />
      )}
      {active ? <RefreshWhile everyMs={3000} /> : null}
    </DashboardSection>
  );
}

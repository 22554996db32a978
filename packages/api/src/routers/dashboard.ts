import { z } from "zod";
import { StartAbTestInputSchema, StopAbTestInputSchema } from "../services/dashboard/ab-test-schemas";
import { computeOnlineMetrics, OnlineMetricsInputSchema } from "../services/dashboard/compute-online-metrics";
import { getAbTestReport } from "../services/dashboard/get-ab-test-report";
import { getCatalogHealth } from "../services/dashboard/get-catalog-health";
import { listAbTests } from "../services/dashboard/list-ab-tests";
import { ListAuditLogInputSchema, listAuditLog } from "../services/dashboard/list-audit-log";
import { listOffPolicyEstimates } from "../services/dashboard/list-off-policy-estimates";
import { listVersionMetrics } from "../services/dashboard/list-version-metrics";
import { PublishVersionInputSchema, publishVersion } from "../services/dashboard/publish-version";
import { readOfflineBenchmark } from "../services/dashboard/read-offline-benchmark";
import { RollbackInputSchema, rollbackVersion } from "../services/dashboard/rollback-version";
import { staffActor } from "../services/dashboard/staff-actor";
import { startAbTest } from "../services/dashboard/start-ab-test";
import { stopAbTest } from "../services/dashboard/stop-ab-test";
import { listWorkerJobs } from "../services/jobs/list-worker-jobs";
import { StartWorkerJobInputSchema, startWorkerJob } from "../services/jobs/start-worker-job";
import { requireRole } from "../staff-procedure";
import { createTRPCRouter } from "../trpc";

const merchandiser = requireRole("merchandiser");
const admin = requireRole("admin");

/**
 * The merchandisers' dashboard. Reading (the audit log included) needs the merchandiser role; changing what serves
 * needs admin (so does starting a worker job), and every change is recorded with the session's e-mail and role in its own transaction.
 */
export const dashboardRouter = createTRPCRouter({
  versions: merchandiser.query(({ ctx }) => listVersionMetrics(ctx.db)),
  offlineBenchmark: merchandiser.query(() => readOfflineBenchmark()),
  onlineMetrics: merchandiser
    .input(OnlineMetricsInputSchema)
    .query(({ ctx, input }) => computeOnlineMetrics({ db: ctx.db, sql: ctx.runtime.sql, dialect: ctx.dialect }, input)),
  catalogHealth: merchandiser.query(({ ctx }) => getCatalogHealth(ctx.db)),
  abTests: merchandiser.query(({ ctx }) => listAbTests(ctx.db)),
  abTestReport: merchandiser
    .input(z.object({ id: z.number().int().positive() }))
    .query(({ ctx, input }) => getAbTestReport(ctx.db, input.id, ctx.secrets.abTestSalt)),
  offPolicy: merchandiser.query(({ ctx }) => listOffPolicyEstimates(ctx.db)),
  auditLog: merchandiser.input(ListAuditLogInputSchema).query(({ ctx, input }) => listAuditLog(ctx.db, input)),
  jobs: merchandiser.query(({ ctx }) => listWorkerJobs(ctx.db, ctx.runtime.jobs.available)),
  startJob: admin
    .input(StartWorkerJobInputSchema)
    .mutation(({ ctx, input }) => startWorkerJob(ctx.db, ctx.runtime.jobs, input, staffActor(ctx.staff))),
  startAbTest: admin
    .input(StartAbTestInputSchema)
    .mutation(({ ctx, input }) => startAbTest(ctx.db, input, staffActor(ctx.staff))),
  stopAbTest: admin
    .input(StopAbTestInputSchema)
    .mutation(({ ctx, input }) => stopAbTest(ctx.db, input, staffActor(ctx.staff))),
  publish: admin
    .input(PublishVersionInputSchema)
    .mutation(({ ctx, input }) => publishVersion(ctx.db, input, staffActor(ctx.staff))),
  rollback: admin
    .input(RollbackInputSchema)
    .mutation(({ ctx, input }) => rollbackVersion(ctx.db, input, staffActor(ctx.staff))),
});

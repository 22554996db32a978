import { findRollbackTarget, PublishError, publishModelVersion, publishWithGates } from "@jewelguide/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { StartAbTestInputSchema, StopAbTestInputSchema } from "../services/dashboard/ab-test-schemas";
import { computeOnlineMetrics, OnlineMetricsInputSchema } from "../services/dashboard/compute-online-metrics";
import { getAbTestReport } from "../services/dashboard/get-ab-test-report";
import { getCatalogHealth } from "../services/dashboard/get-catalog-health";
import { listAbTests } from "../services/dashboard/list-ab-tests";
import { listVersionMetrics } from "../services/dashboard/list-version-metrics";
import { readOfflineBenchmark } from "../services/dashboard/read-offline-benchmark";
import { startAbTest } from "../services/dashboard/start-ab-test";
import { stopAbTest } from "../services/dashboard/stop-ab-test";
import { requireRole } from "../staff-procedure";
import { createTRPCRouter } from "../trpc";

const merchandiser = requireRole("merchandiser");
const admin = requireRole("admin");

export const PublishVersionInputSchema = z.object({
  id: z.number().int().positive(),
  force: z.boolean().default(false),
  maxDrop: z.number().min(0).max(1).optional(),
});
export const RollbackInputSchema = z.object({ to: z.number().int().positive().optional() });

/** The merchandisers' dashboard. Reading needs the merchandiser role; changing what serves needs admin. */
export const dashboardRouter = createTRPCRouter({
  versions: merchandiser.query(({ ctx }) => listVersionMetrics(ctx.db)),
  offlineBenchmark: merchandiser.query(() => readOfflineBenchmark()),
  onlineMetrics: merchandiser
    .input(OnlineMetricsInputSchema)
    .query(({ ctx, input }) => computeOnlineMetrics(ctx.db, input)),
  catalogHealth: merchandiser.query(({ ctx }) => getCatalogHealth(ctx.db)),
  abTests: merchandiser.query(({ ctx }) => listAbTests(ctx.db)),
  abTestReport: merchandiser
    .input(z.object({ id: z.number().int().positive() }))
    .query(({ ctx, input }) => getAbTestReport(ctx.db, input.id)),
  startAbTest: admin.input(StartAbTestInputSchema).mutation(({ ctx, input }) => startAbTest(ctx.db, input)),
  stopAbTest: admin.input(StopAbTestInputSchema).mutation(({ ctx, input }) => stopAbTest(ctx.db, input)),
  publish: admin.input(PublishVersionInputSchema).mutation(async ({ ctx, input }) => {
    const result = await withPublishErrors(() =>
      publishWithGates(ctx.db, input.id, { force: input.force, maxDrop: input.maxDrop }),
    );
    if (!result.published) {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: `gates failed: ${result.gates.failures.join("; ")}`,
      });
    }
    return result;
  }),
  rollback: admin.input(RollbackInputSchema).mutation(async ({ ctx, input }) => {
    const target = input.to ?? (await findRollbackTarget(ctx.db))?.id;
    if (target === undefined) throw new TRPCError({ code: "NOT_FOUND", message: "no earlier active version" });
    return withPublishErrors(() => publishModelVersion(ctx.db, target));
  }),
});

async function withPublishErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PublishError) {
      throw new TRPCError({ code: error.code === "NOT_FOUND" ? "NOT_FOUND" : "BAD_REQUEST", message: error.message });
    }
    throw error;
  }
}

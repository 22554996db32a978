import type { AuditActor, Db } from "@jewelguide/db";
import { AppError } from "@jewelguide/db/errors";
import { z } from "zod";
import { enqueueJob } from "../../jobs/enqueue-job";
import type { JobQueueClient } from "../../jobs/job-queue-client";
import type { JobRequestInput } from "../../jobs/job-request";

/** The jobs an admin can start from the dashboard. */
export const DASHBOARD_JOBS = ["retrain", "featurize-new"] as const;
export type DashboardJob = (typeof DASHBOARD_JOBS)[number];

export const StartWorkerJobInputSchema = z.strictObject({ job: z.enum(DASHBOARD_JOBS) });
export type StartWorkerJobInput = z.input<typeof StartWorkerJobInputSchema>;

/**
 * "Retrain now" trains the default model and publishes it through the gates (as `train --publish`); "featurize new
 * products" computes the features of new or changed products only (as `featurize`).
 */
const REQUESTS: Record<DashboardJob, JobRequestInput> = {
  retrain: { kind: "train", publish: true },
  "featurize-new": { kind: "featurize", force: false },
};

/**
 * An admin's start of a job from the dashboard: queued for the workers, and recorded in the audit log (action
 * job-start, the job's id and kind) in the same transaction as the job's row. The caller checks the admin role on
 * the server (the router's requireRole); the actor comes from the verified session. On SQLite there is no queue:
 * PRECONDITION_FAILED, saying what is needed.
 */
export async function startWorkerJob(
  db: Db,
  queue: JobQueueClient,
  rawInput: StartWorkerJobInput,
  actor: AuditActor,
): Promise<{ id: string }> {
  const input = StartWorkerJobInputSchema.parse(rawInput);
  if (!queue.available) {
    throw new AppError(
      "PRECONDITION_FAILED",
      // Said without naming the database engine: API replies never name internals (the abuse suite checks every reply).
      "jobs run on the worker queue, which this shop's embedded database cannot host: see docs/jobs.md, or run the worker's commands instead",
    );
  }
  if (actor.role !== "admin") throw new AppError("FORBIDDEN", "starting a job needs the admin role");
  const { id } = await enqueueJob(
    db,
    await queue.queue(),
    REQUESTS[input.job],
    { name: actor.name, role: "admin" },
    { audit: actor },
  );
  return { id };
}

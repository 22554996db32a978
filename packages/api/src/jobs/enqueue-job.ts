import crypto from "node:crypto";
import { type AuditActor, type Db, recordAuditEntry } from "@jewelguide/db";
import { AppError } from "@jewelguide/db/errors";
import type { PgBoss } from "pg-boss";
import { jobQueueName } from "./job-queue-settings";
import { recordQueuedJob } from "./job-records";
import {
  type JobMessage,
  type JobRequest,
  type JobRequester,
  type JobRequestInput,
  parseJobRequest,
} from "./job-request";

export type EnqueueOptions = {
  /** A staff member's start from the dashboard: recorded in the audit log with the job's row, in one transaction. */
  audit?: AuditActor;
};

/**
 * Queues one job on pg-boss and records it for the dashboard. The job is sent first, under an id chosen here; its row
 * (and audit entry) follow in one transaction. A process that dies between the two leaves a queued job without a row:
 * the worker that takes it creates the row (recordJobStarted), so nothing is lost. If the row cannot be written, the
 * job is cancelled again and the error reaches the caller.
 */
export async function enqueueJob(
  db: Db,
  boss: PgBoss,
  input: JobRequestInput,
  requester: JobRequester,
  options: EnqueueOptions = {},
): Promise<{ id: string; request: JobRequest }> {
  let request: JobRequest;
  try {
    request = parseJobRequest(input);
  } catch (error) {
    throw new AppError("BAD_INPUT", (error as Error).message);
  }
  const id = crypto.randomUUID();
  const queue = jobQueueName(request.kind);
  const message: JobMessage = { request, requester };
  const sent = await boss.send(queue, message, { id });
  if (sent === null) throw new AppError("CONFLICT", `the ${queue} queue refused the job`);
  try {
    await db.$transaction(async (tx) => {
      await recordQueuedJob(tx, id, request, requester);
      if (options.audit) {
        await recordAuditEntry(tx, options.audit, {
          action: "job-start",
          details: { jobId: id, job: request.kind },
        });
      }
    });
  } catch (error) {
    await boss.cancel(queue, id).catch(() => undefined);
    throw error;
  }
  return { id, request };
}

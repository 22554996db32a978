import type { Db, DbTransaction, Prisma } from "@jewelguide/db";
import type { JobKind, JobRequest, JobRequester } from "./job-request";

/** The most of a job's log kept for the dashboard: its latest lines. */
export const MAX_JOB_LOG_CHARACTERS = 16_000;

/**
 * Records a queued job for the dashboard (inside the caller's transaction when given one). Idempotent: a row that
 * exists already (the worker took the job first and created it) is left as it is.
 */
export async function recordQueuedJob(
  db: Db | DbTransaction,
  id: string,
  request: JobRequest,
  requester: JobRequester,
): Promise<void> {
  await db.workerJob.upsert({
    where: { id },
    create: {
      id,
      kind: request.kind,
      payload: request as Prisma.InputJsonValue,
      status: "queued",
      requestedBy: requester.name,
      requestedRole: requester.role,
    },
    update: {},
  });
}

/**
 * A worker took the job (again, after a retry): running, one more attempt, the progress reset. Creates the row when
 * the process that queued it died before recording it.
 */
export async function recordJobStarted(
  db: Db,
  id: string,
  request: JobRequest,
  requester: JobRequester,
  workerName: string,
): Promise<{ attempt: number; log: string }> {
  const existing = await db.workerJob.findUnique({ where: { id }, select: { attempts: true, log: true } });
  const attempt = (existing?.attempts ?? 0) + 1;
  const line = `attempt ${attempt} started on ${workerName} at ${new Date().toISOString()}\n`;
  const fields = {
    status: "running",
    attempts: attempt,
    progress: 0,
    stage: "",
    log: trimLog(`${existing?.log ?? ""}${line}`),
    startedAt: new Date(),
    finishedAt: null,
    outcome: "",
  };
  await db.workerJob.upsert({
    where: { id },
    create: {
      id,
      kind: request.kind as JobKind,
      payload: request as Prisma.InputJsonValue,
      requestedBy: requester.name,
      requestedRole: requester.role,
      ...fields,
    },
    update: fields,
  });
  return { attempt, log: fields.log };
}

/** The progress a worker reports while a job runs: the stage, its share done, the log so far. */
export async function recordJobProgress(
  db: Db,
  id: string,
  progress: { stage: string; fraction: number; log: string },
): Promise<void> {
  await db.workerJob.update({
    where: { id },
    data: { stage: progress.stage, progress: clampFraction(progress.fraction), log: trimLog(progress.log) },
  });
}

/**
 * An attempt failed (or its worker was lost) and pg-boss will run the job again: queued, with why in `outcome`.
 * `log`, when given, replaces the stored one (the attempt's whole log); a lost worker's log stays as it wrote it.
 */
export async function recordJobWaitingForRetry(db: Db, id: string, why: string, log?: string): Promise<void> {
  await db.workerJob.update({
    where: { id },
    data: { status: "queued", outcome: why.slice(0, 2000), ...(log === undefined ? {} : { log: trimLog(log) }) },
  });
}

/** The job ended: done or failed, what it ended with, its whole log (trimmed to the latest lines). */
export async function recordJobFinished(
  db: Db,
  id: string,
  outcome: { status: "done" | "failed"; outcome: string; log: string },
): Promise<void> {
  await db.workerJob.update({
    where: { id },
    data: {
      status: outcome.status,
      outcome: outcome.outcome.slice(0, 2000),
      log: trimLog(outcome.log),
      finishedAt: new Date(),
      ...(outcome.status === "done" ? { progress: 1 } : {}),
    },
  });
}

/** Keeps the latest MAX_JOB_LOG_CHARACTERS characters, starting at a line. */
export function trimLog(log: string): string {
  if (log.length <= MAX_JOB_LOG_CHARACTERS) return log;
  const tail = log.slice(log.length - MAX_JOB_LOG_CHARACTERS);
  const newline = tail.indexOf("\n");
  return `…\n${newline >= 0 ? tail.slice(newline + 1) : tail}`;
}

function clampFraction(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

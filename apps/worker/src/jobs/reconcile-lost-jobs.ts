import { JOB_KINDS, type JobKind, jobQueueName, recordJobFinished } from "@jewelguide/api/jobs";
import type { Db } from "@jewelguide/db";
import type { PgBoss } from "pg-boss";

/**
 * Brings the dashboard's rows in line with pg-boss for jobs whose worker died (SIGKILL, lost host): a job pg-boss
 * failed for a missed heartbeat after its last retry, or cancelled, is marked failed with why; one waiting for its
 * retry shows as queued again. Every update is conditional on the attempt count read, so a worker that takes the job
 * meanwhile wins. `worker serve` runs it every supervise interval. Resolves to the number of rows changed.
 */
export async function reconcileLostJobs(db: Db, boss: PgBoss): Promise<number> {
  const open = await db.workerJob.findMany({
    where: { status: { in: ["queued", "running"] } },
    select: { id: true, kind: true, status: true, attempts: true, log: true, createdAt: true },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
  let changed = 0;
  for (const row of open) {
    if (!isJobKind(row.kind)) continue;
    const [job] = await boss.findJobs(jobQueueName(row.kind), { id: row.id });
    const unchanged = { id: row.id, status: row.status, attempts: row.attempts };
    if (job === undefined) {
      // pg-boss deletes a finished job after its retention; a row still open that long was never finished.
      if (Date.now() - row.createdAt.getTime() < 60 * 60_000) continue;
      changed += await markFailed(
        db,
        unchanged,
        row.log,
        "the queue no longer has this job (removed after its retention)",
      );
    } else if (job.state === "failed" || job.state === "cancelled") {
      const why =
        job.state === "cancelled"
          ? "cancelled"
          : `failed after ${row.attempts} attempt(s): the worker running it stopped (no heartbeat for ${job.heartbeatSeconds ?? job.expireInSeconds} s) and no retries were left`;
      changed += await markFailed(db, unchanged, row.log, why);
    } else if (job.state === "retry" && row.status === "running") {
      const result = await db.workerJob.updateMany({
        where: unchanged,
        data: {
          status: "queued",
          outcome: `attempt ${row.attempts} was lost (its worker stopped answering); waiting for a retry`,
        },
      });
      changed += result.count;
    }
  }
  return changed;
}

function isJobKind(kind: string): kind is JobKind {
  return (JOB_KINDS as readonly string[]).includes(kind);
}

async function markFailed(
  db: Db,
  where: { id: string; status: string; attempts: number },
  log: string,
  why: string,
): Promise<number> {
  const still = await db.workerJob.count({ where });
  if (still === 0) return 0;
  await recordJobFinished(db, where.id, { status: "failed", outcome: why, log: `${log}${why}\n` });
  return 1;
}

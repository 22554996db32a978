import type { Db } from "@jewelguide/db";

/** How many of the latest jobs the dashboard lists. */
export const LISTED_JOBS = 15;

/** The end of a job's log the dashboard shows (the row keeps more). */
const SHOWN_LOG_CHARACTERS = 6000;

export type WorkerJobsView = {
  /** False on SQLite: jobs need PostgreSQL and `worker serve`, so the panel explains that and offers no buttons. */
  queueAvailable: boolean;
  jobs: {
    id: string;
    kind: string;
    status: string;
    /** The current stage's share done, 0..1, and its label. */
    progress: number;
    stage: string;
    attempts: number;
    requestedBy: string;
    requestedRole: string;
    outcome: string;
    /** The latest lines of its log. */
    log: string;
    createdAt: Date;
    startedAt: Date | null;
    finishedAt: Date | null;
  }[];
};

/** The latest jobs, newest first, with their progress, outcome and the end of their log (merchandisers and admins). */
export async function listWorkerJobs(db: Db, queueAvailable: boolean): Promise<WorkerJobsView> {
  const rows = await db.workerJob.findMany({
    orderBy: { createdAt: "desc" },
    take: LISTED_JOBS,
    select: {
      id: true,
      kind: true,
      status: true,
      progress: true,
      stage: true,
      attempts: true,
      requestedBy: true,
      requestedRole: true,
      outcome: true,
      log: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
    },
  });
  return {
    queueAvailable,
    jobs: rows.map((row) => ({
      ...row,
      log: row.log.length > SHOWN_LOG_CHARACTERS ? `…${row.log.slice(-SHOWN_LOG_CHARACTERS)}` : row.log,
    })),
  };
}

import type { DatabaseTarget } from "@jewelguide/db";
import type { PgBoss } from "pg-boss";
import { openJobQueue } from "./open-job-queue";

/**
 * The web process's handle on the job queue: on PostgreSQL, pg-boss started on first use (queueing and cancelling
 * only; the workers supervise); on SQLite none, since jobs need `worker serve` on PostgreSQL.
 */
export type JobQueueClient = {
  /** False on SQLite: the dashboard shows jobs but cannot queue them. */
  readonly available: boolean;
  /** The started queue; throws on SQLite. */
  queue(): Promise<PgBoss>;
  close(): Promise<void>;
};

export function createJobQueueClient(target: DatabaseTarget, onError: (error: Error) => void): JobQueueClient {
  let started: Promise<PgBoss> | null = null;
  return {
    available: target.dialect === "postgresql",
    queue() {
      if (target.dialect !== "postgresql") {
        return Promise.reject(new Error("the job queue needs PostgreSQL (DATABASE_URL=postgresql://…)"));
      }
      if (started === null) {
        started = openJobQueue(target.url, { kind: "client" }, onError);
        // A failed start (database down) is retried by the next call rather than remembered.
        started.catch(() => {
          started = null;
        });
      }
      return started;
    },
    async close() {
      const queue = started;
      started = null;
      if (queue) await (await queue.catch(() => null))?.stop({ graceful: false });
    },
  };
}

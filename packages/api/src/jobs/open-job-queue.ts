import type { PgBoss } from "pg-boss";
import { JOB_QUEUE_SCHEMA, type JobQueueSettings, jobQueueName, SCHEDULE_CHECK_QUEUE } from "./job-queue-settings";
import { JOB_KINDS } from "./job-request";

export type JobQueueRole =
  /** A process that only queues and reads jobs (the web app, `worker enqueue`): no supervisor, no cron. */
  | { kind: "client" }
  /**
   * `worker serve`: pg-boss's supervisor (fails jobs whose heartbeat stopped, so they are retried) and cron pass
   * (sends a schedule's checks, once per occurrence across every worker) run here, every `superviseSeconds`.
   */
  | { kind: "worker"; settings: JobQueueSettings; superviseSeconds: number };

/**
 * Starts pg-boss on the shop's PostgreSQL database (its tables in the `pgboss` schema, created on first start) and
 * makes sure every job queue exists. A worker also (re)applies the queue settings, so the heartbeat, retries and
 * expiry of new jobs are the latest `worker serve`'s. Errors pg-boss raises in the background go to `onError`.
 */
export async function openJobQueue(
  databaseUrl: string,
  role: JobQueueRole,
  onError: (error: Error) => void,
): Promise<PgBoss> {
  const worker = role.kind === "worker";
  // Loaded on first use: a web process on SQLite, or one that never queues a job, does not pay for pg-boss.
  const { PgBoss } = await import("pg-boss");
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: JOB_QUEUE_SCHEMA,
    supervise: worker,
    schedule: worker,
    max: worker ? 6 : 3,
    ...(worker
      ? {
          superviseIntervalSeconds: role.superviseSeconds,
          monitorIntervalSeconds: role.superviseSeconds,
          cronMonitorIntervalSeconds: Math.min(role.superviseSeconds, 45),
          cronWorkerIntervalSeconds: Math.min(role.superviseSeconds, 45),
        }
      : {}),
  });
  boss.on("error", onError);
  await boss.start();
  const settings = role.kind === "worker" ? role.settings : undefined;
  const options = settings
    ? {
        heartbeatSeconds: settings.heartbeatSeconds,
        retryLimit: settings.retryLimit,
        retryDelay: settings.retryDelaySeconds,
        expireInSeconds: settings.expireInSeconds,
      }
    : undefined;
  for (const kind of JOB_KINDS) await ensureQueue(boss, jobQueueName(kind), "standard", options);
  // One check at a time across all workers: two checks never both find the same retrain due.
  await ensureQueue(boss, SCHEDULE_CHECK_QUEUE, "singleton", { retryLimit: 0, expireInSeconds: 600 });
  return boss;
}

type QueueOptions = { heartbeatSeconds?: number; retryLimit?: number; retryDelay?: number; expireInSeconds?: number };

async function ensureQueue(
  boss: PgBoss,
  name: string,
  policy: "standard" | "singleton",
  options: QueueOptions | undefined,
): Promise<void> {
  if ((await boss.getQueue(name)) === null) {
    try {
      await boss.createQueue(name, { policy, ...options });
      return;
    } catch (error) {
      // Another process created it at the same moment; fall through to apply the settings.
      if ((await boss.getQueue(name)) === null) throw error;
    }
  }
  if (options !== undefined) await boss.updateQueue(name, options);
}

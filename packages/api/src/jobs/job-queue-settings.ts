import type { JobKind } from "./job-request";

/** pg-boss queue names: one queue per job kind, plus the schedule's check. */
export function jobQueueName(kind: JobKind): string {
  return `jewelguide-${kind}`;
}

/** The queue the schedule's cron sends its checks to (`worker schedule` on PostgreSQL). */
export const SCHEDULE_CHECK_QUEUE = "jewelguide-schedule-check";

/** pg-boss keeps its tables in this PostgreSQL schema, beside the shop's own tables. */
export const JOB_QUEUE_SCHEMA = "pgboss";

/**
 * How the queue treats a job whose worker stops answering. A running job's worker refreshes its heartbeat every
 * `heartbeatSeconds / 2`; when the database has not seen one for `heartbeatSeconds`, pg-boss's supervisor (in every
 * `worker serve`) fails the attempt and the job is retried, up to `retryLimit` times, `retryDelaySeconds` later, by
 * whichever worker takes it first. `expireInSeconds` bounds one attempt even while its heartbeat goes on.
 */
export type JobQueueSettings = {
  heartbeatSeconds: number;
  retryLimit: number;
  retryDelaySeconds: number;
  expireInSeconds: number;
};

/** A whole training run on a large shop fits in 4 h; a lost worker is noticed within a minute. */
export const DEFAULT_JOB_QUEUE_SETTINGS: JobQueueSettings = {
  heartbeatSeconds: 60,
  retryLimit: 2,
  retryDelaySeconds: 10,
  expireInSeconds: 4 * 60 * 60,
};

/** pg-boss's own lower bound on heartbeatSeconds. */
export const MIN_HEARTBEAT_SECONDS = 10;

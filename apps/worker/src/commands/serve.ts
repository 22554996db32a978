import os from "node:os";
import {
  DEFAULT_JOB_QUEUE_SETTINGS,
  JOB_KINDS,
  jobQueueName,
  MIN_HEARTBEAT_SECONDS,
  openJobQueue,
  recordJobWaitingForRetry,
  SCHEDULE_CHECK_QUEUE,
} from "@jewelguide/api/jobs";
import { createDb, type Db, parseDatabaseUrl } from "@jewelguide/db";
import { defineCommand, type Output } from "../cli/command";
import { UsageError } from "../cli/usage-error";
import type { JobLog } from "../jobs/job-log";
import { reconcileLostJobs } from "../jobs/reconcile-lost-jobs";
import { runQueuedJob } from "../jobs/run-queued-job";
import { runScheduleCheck } from "../jobs/schedule-check";
import { workerActor } from "../pipeline/worker-actor";
import { parsePositiveInteger } from "./parse-numeric-flags";

/** More jobs at once than this on one process only competes for the same cores. */
const MAX_CONCURRENCY = 16;

export const serveCommand = defineCommand({
  name: "serve",
  summary: "Run queued jobs (import, featurize, train, evaluate, publish) and the retrain schedule, on PostgreSQL.",
  help: `Takes jobs from the pg-boss queue in DATABASE_URL (PostgreSQL only: on SQLite run the commands themselves,
and schedule runs in-process) and runs each through the same command the CLI runs, writing its progress and log
where the dashboard reads them. Run any number of these, on any hosts: pg-boss gives each job to one worker.
A running job's heartbeat is refreshed every --heartbeat-seconds / 2; a job whose worker dies (SIGKILL, lost host) is
failed after --heartbeat-seconds without one and retried by another worker (up to ${DEFAULT_JOB_QUEUE_SETTINGS.retryLimit} retries, ${DEFAULT_JOB_QUEUE_SETTINGS.retryDelaySeconds} s apart).
A retried train job publishes the version its earlier attempt stored instead of training again (the version
records the job's id, unique). One attempt may run at most ${DEFAULT_JOB_QUEUE_SETTINGS.expireInSeconds / 3600} h. The queue settings are applied by every serve at
start, so start all workers with the same ones. The heartbeat comes from the event loop, which training holds for one
epoch at a time: keep --heartbeat-seconds above the longest epoch, or a slow epoch looks like a dead worker. Ctrl-C (SIGINT/SIGTERM) stops taking jobs and waits up to
--stop-seconds for the running ones; any still running then are released (failed and retried by another worker).`,
  flags: {
    concurrency: {
      type: "string",
      valueName: "N",
      description: `jobs of each kind this process runs at once (default 1, at most ${MAX_CONCURRENCY})`,
    },
    "heartbeat-seconds": {
      type: "string",
      valueName: "S",
      description: `a job whose worker sent no heartbeat for S seconds is retried (default ${DEFAULT_JOB_QUEUE_SETTINGS.heartbeatSeconds}, at least ${MIN_HEARTBEAT_SECONDS})`,
    },
    "supervise-seconds": {
      type: "string",
      valueName: "S",
      description: "how often this worker looks for lost jobs and due schedule checks (default 10)",
    },
    "stop-seconds": {
      type: "string",
      valueName: "S",
      description: "on Ctrl-C, how long to wait for running jobs before releasing them (default 60)",
    },
    "poll-seconds": { type: "string", valueName: "S", description: "how often to ask for new jobs (default 2)" },
  },
  async run({ flags, env, stderr }) {
    const concurrency = flags.concurrency === undefined ? 1 : parsePositiveInteger("--concurrency", flags.concurrency);
    if (concurrency > MAX_CONCURRENCY) throw new UsageError(`--concurrency must be at most ${MAX_CONCURRENCY}`);
    const heartbeatSeconds =
      flags["heartbeat-seconds"] === undefined
        ? DEFAULT_JOB_QUEUE_SETTINGS.heartbeatSeconds
        : parsePositiveInteger("--heartbeat-seconds", flags["heartbeat-seconds"]);
    if (heartbeatSeconds < MIN_HEARTBEAT_SECONDS) {
      throw new UsageError(`--heartbeat-seconds must be at least ${MIN_HEARTBEAT_SECONDS} (pg-boss's minimum)`);
    }
    const superviseSeconds = readSeconds("--supervise-seconds", flags["supervise-seconds"], 10);
    const stopSeconds = readSeconds("--stop-seconds", flags["stop-seconds"], 60);
    const pollSeconds = readSeconds("--poll-seconds", flags["poll-seconds"], 2);
    if (parseDatabaseUrl(env.databaseUrl).dialect !== "postgresql") {
      throw new UsageError(
        "serve needs PostgreSQL (DATABASE_URL=postgresql://…): the job queue lives there. On SQLite run the " +
          "commands themselves (train, featurize, …); schedule runs its loop in-process.",
      );
    }
    const workerName = `${workerActor().name} pid ${process.pid}`;
    const boss = await openJobQueue(
      env.databaseUrl,
      {
        kind: "worker",
        settings: { ...DEFAULT_JOB_QUEUE_SETTINGS, heartbeatSeconds },
        superviseSeconds,
      },
      (error) => stderr.write(`[serve] queue error: ${error.message}\n`),
    );
    const { db } = createDb(env.databaseUrl);
    const stopped = new Promise<void>((resolve) => {
      const onSignal = () => {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        stderr.write(`[serve] stopping: no new jobs; waiting up to ${stopSeconds} s for the running ones\n`);
        resolve();
      };
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
    });
    /** The jobs this process is running now, by id, with their logs once they have one. */
    const running = new Map<string, JobLog | undefined>();
    try {
      for (const kind of JOB_KINDS) {
        await boss.work(
          jobQueueName(kind),
          { localConcurrency: concurrency, includeMetadata: true, pollingIntervalSeconds: pollSeconds },
          async ([job]) => {
            if (job === undefined) return null;
            running.set(job.id, undefined);
            try {
              const onLog = (log: JobLog) => running.set(job.id, log);
              return { outcome: await runQueuedJob(job, { db, env, workerName, stderr, onLog }) };
            } finally {
              running.delete(job.id);
            }
          },
        );
      }
      await boss.work(SCHEDULE_CHECK_QUEUE, { pollingIntervalSeconds: pollSeconds }, async ([job]) => {
        if (job === undefined) return null;
        const decision = await runScheduleCheck(db, boss, job.data);
        stderr.write(`[serve] schedule check: ${decision}\n`);
        return { decision };
      });
      stderr.write(
        `[serve] ${workerName} on ${os.hostname()}: ${concurrency} job(s) of each kind at once, heartbeat ${heartbeatSeconds} s\n`,
      );
      const reconcile = setInterval(() => {
        reconcileLostJobs(db, boss).then(
          (count) => {
            if (count > 0) stderr.write(`[serve] ${count} job(s) of a lost worker brought up to date\n`);
          },
          (error: unknown) => stderr.write(`[serve] checking for lost jobs failed: ${String(error)}\n`),
        );
      }, superviseSeconds * 1000);
      await stopped;
      clearInterval(reconcile);
      await boss.stop({ graceful: true, timeout: stopSeconds * 1000 });
      if (running.size > 0) await releaseRunningJobs(db, running, stderr);
      stderr.write("[serve] stopped\n");
      return 0;
    } finally {
      await boss.stop({ graceful: false }).catch(() => undefined);
      await db.$disconnect();
    }
  },
});

/**
 * After the stop's grace, pg-boss has failed the jobs still running here, so another worker retries them; their
 * commands must not go on in this process (a training run would store its version, an import its rows, beside the
 * retry). Their rows say why — through each job's own log, which stops persisting the command's later lines first, so
 * none of them can overwrite the release — then the process exits at once.
 */
async function releaseRunningJobs(db: Db, running: Map<string, JobLog | undefined>, stderr: Output): Promise<never> {
  const why = "released: its worker was stopped before it finished; waiting for a retry";
  for (const [id, log] of running) {
    const text =
      log !== undefined
        ? await log.release(why)
        : `${(await db.workerJob.findUnique({ where: { id }, select: { log: true } }).catch(() => null))?.log ?? ""}${why}\n`;
    await recordJobWaitingForRetry(db, id, why, text).catch(() => undefined);
  }
  stderr.write(`[serve] released ${running.size} running job(s) to the other workers; exiting now\n`);
  await db.$disconnect().catch(() => undefined);
  process.exit(0);
}

/** A whole number of seconds, at least 1 (pg-boss's intervals are whole seconds). */
function readSeconds(flag: string, value: string | undefined, fallback: number): number {
  return value === undefined ? fallback : parsePositiveInteger(flag, value);
}

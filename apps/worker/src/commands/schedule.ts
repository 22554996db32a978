import { createDb, parseDatabaseUrl } from "@jewelguide/db";
import { defineCommand, type Output } from "../cli/command";
import { reportCommandError } from "../cli/report-command-error";
import { UsageError } from "../cli/usage-error";
import { registerRetrainSchedule } from "../jobs/register-retrain-schedule";
import { runScheduleLoop } from "../pipeline/run-schedule-loop";
import { defaultPublishingRun, trainAndPublish } from "../pipeline/train-and-publish";
import { countTrainableEvents } from "../training/count-trainable-events";
import { KIND_FLAG, parseKindFlag } from "./kind-flag";
import { parseNonNegativeNumber, parsePositiveInteger } from "./parse-numeric-flags";

/** Why a run is due: the time since the previous run, or enough new events; with the event count now. */
type Due = { byTime: boolean; events: number };

export const scheduleCommand = defineCommand({
  name: "schedule",
  summary: "Retrain (train --publish through the gates) every N minutes or after M new events.",
  help: `On PostgreSQL this stores the schedule with the job queue and returns: the running \`worker serve\`s check it once a
minute (one check per minute across all of them) and queue a train --publish job when due, never while the previous
one is queued or running, so two workers never run it twice. "New events" are those stored since the previous
scheduled retrain was queued. --off removes it. --max-runs and --poll-seconds belong to SQLite's loop.

On SQLite (the demo) it stays running and retrains in this process when due: with --every-minutes N, N minutes after the previous run started; with
--after-events M, once M events have arrived since the previous run (both flags: whichever comes first; only events
training learns from count: impressions and simulated traffic do not). Each run is
train --kind KIND --publish: the candidate is published only if the gates pass. The first check happens at once.
Ctrl-C (SIGINT/SIGTERM) stops it after the current run (a second Ctrl-C stops at once; a killed training run leaves the
active version serving). --max-runs bounds the loop.`,
  flags: {
    "every-minutes": { type: "string", valueName: "N", description: "retrain every N minutes" },
    "after-events": { type: "string", valueName: "M", description: "retrain after M new events" },
    kind: KIND_FLAG,
    "max-runs": { type: "string", valueName: "N", description: "stop after N training runs (default: no limit)" },
    off: { type: "boolean", description: "PostgreSQL: remove the stored schedule" },
    "poll-seconds": {
      type: "string",
      valueName: "S",
      description: "how often to check whether a run is due (default 30)",
    },
  },
  async run({ flags, env, stdout, stderr }) {
    if (parseDatabaseUrl(env.databaseUrl).dialect === "postgresql")
      return storeSchedule(flags, env.databaseUrl, stdout);
    if (flags.off)
      throw new UsageError("--off removes a schedule stored on PostgreSQL; on SQLite stop the loop (Ctrl-C)");
    const everyMs =
      flags["every-minutes"] === undefined
        ? null
        : parseNonNegativeNumber("--every-minutes", flags["every-minutes"]) * 60_000;
    const afterEvents =
      flags["after-events"] === undefined ? null : parsePositiveInteger("--after-events", flags["after-events"]);
    if (everyMs === null && afterEvents === null) throw new UsageError("give --every-minutes N or --after-events M");
    const maxRuns =
      flags["max-runs"] === undefined
        ? Number.POSITIVE_INFINITY
        : parsePositiveInteger("--max-runs", flags["max-runs"]);
    const pollMs =
      flags["poll-seconds"] === undefined
        ? 30_000
        : parseNonNegativeNumber("--poll-seconds", flags["poll-seconds"]) * 1000;
    const kind = parseKindFlag(flags.kind);
    const { db } = createDb(env.databaseUrl);
    const stop = new AbortController();
    const onSignal = () => {
      stderr.write("[schedule] stopping after the current step (Ctrl-C again to stop now)\n");
      stop.abort();
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    let lastRunAt: number | null = null;
    let eventsAtLastRun: number | null = null;
    let failures = 0;
    try {
      const runs = await runScheduleLoop<Due>({
        signal: stop.signal,
        pollMs,
        maxRuns,
        async isDue() {
          const events = await countTrainableEvents(db);
          const byTime = everyMs !== null && (lastRunAt === null || Date.now() - lastRunAt >= everyMs);
          const byEvents =
            afterEvents !== null && (eventsAtLastRun === null ? events > 0 : events - eventsAtLastRun >= afterEvents);
          return byTime || byEvents ? { byTime, events } : null;
        },
        async runOnce(due, run) {
          lastRunAt = Date.now();
          eventsAtLastRun = due.events;
          stderr.write(
            `[schedule] run ${run}: ${due.byTime ? "time" : `${afterEvents} new events`} (${due.events} events in total)\n`,
          );
          const code = await trainAndPublish(defaultPublishingRun(env.databaseUrl, kind, true), {
            stdout,
            stderr,
          }).then(
            (published) => (published ? 0 : 1),
            (error: unknown) => reportCommandError(error, stderr),
          );
          if (code !== 0) failures += 1;
          stderr.write(`[schedule] run ${run} ${code === 0 ? "published" : `ended with exit code ${code}`}\n`);
        },
      });
      stderr.write(`[schedule] stopped after ${runs} run(s), ${failures} not published\n`);
      return failures > 0 && failures === runs ? 1 : 0;
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await db.$disconnect();
    }
  },
});

/** PostgreSQL: the schedule goes to the job queue, where the workers (serve) check it; nothing runs here. */
async function storeSchedule(
  flags: {
    "every-minutes"?: string;
    "after-events"?: string;
    kind?: string;
    off: boolean;
    "max-runs"?: string;
    "poll-seconds"?: string;
  },
  databaseUrl: string,
  stdout: Output,
): Promise<number> {
  if (flags["max-runs"] !== undefined || flags["poll-seconds"] !== undefined) {
    throw new UsageError(
      "--max-runs and --poll-seconds belong to SQLite's in-process loop; on PostgreSQL the workers check once a minute",
    );
  }
  if (flags.off) {
    await registerRetrainSchedule(databaseUrl, null);
    stdout.write("retrain schedule removed\n");
    return 0;
  }
  const everyMinutes =
    flags["every-minutes"] === undefined ? null : parseNonNegativeNumber("--every-minutes", flags["every-minutes"]);
  if (everyMinutes !== null && everyMinutes < 1) {
    throw new UsageError("--every-minutes must be at least 1 on PostgreSQL (the workers check once a minute)");
  }
  const afterEvents =
    flags["after-events"] === undefined ? null : parsePositiveInteger("--after-events", flags["after-events"]);
  if (everyMinutes === null && afterEvents === null) throw new UsageError("give --every-minutes N or --after-events M");
  const model = parseKindFlag(flags.kind);
  await registerRetrainSchedule(databaseUrl, { everyMinutes, afterEvents, model });
  stdout.write(
    `retrain schedule stored: ${[
      everyMinutes === null ? null : `every ${everyMinutes} min`,
      afterEvents === null ? null : `after ${afterEvents} new events`,
    ]
      .filter((part) => part !== null)
      .join(" or ")}, ${model}; the running \`worker serve\` processes check it once a minute\n`,
  );
  return 0;
}

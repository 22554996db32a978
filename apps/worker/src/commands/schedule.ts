import { createDb } from "@jewelguide/db";
import { defineCommand } from "../cli/command";
import { runCli } from "../cli/run-cli";
import { UsageError } from "../cli/usage-error";
import { countTrainableEvents } from "../training/count-trainable-events";
import { parseNonNegativeNumber, parsePositiveInteger } from "./parse-numeric-flags";
import { DEFAULT_MODEL_KIND } from "./train";

export const scheduleCommand = defineCommand({
  name: "schedule",
  summary: "Retrain (train --publish through the gates) every N minutes or after M new events, in a loop.",
  help: `Stays running and retrains when due: with --every-minutes N, N minutes after the previous run started; with
--after-events M, once M events have arrived since the previous run (both flags: whichever comes first; only events
training learns from count: impressions and simulated traffic do not). Each run is
train --kind KIND --publish: the candidate is published only if the gates pass. The first check happens at once.
Ctrl-C (SIGINT/SIGTERM) stops it after the current run (a second Ctrl-C stops at once; a killed training run leaves the
active version serving). --max-runs bounds the loop.`,
  flags: {
    "every-minutes": { type: "string", valueName: "N", description: "retrain every N minutes" },
    "after-events": { type: "string", valueName: "M", description: "retrain after M new events" },
    kind: { type: "string", valueName: "KIND", description: `recommender kind (default ${DEFAULT_MODEL_KIND})` },
    "max-runs": { type: "string", valueName: "N", description: "stop after N training runs (default: no limit)" },
    "poll-seconds": {
      type: "string",
      valueName: "S",
      description: "how often to check whether a run is due (default 30)",
    },
  },
  async run(context) {
    const { flags, env, stderr } = context;
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
    const kind = flags.kind ?? DEFAULT_MODEL_KIND;
    const { COMMANDS } = await import("./registry");
    const { db } = createDb(env.databaseUrl);
    let stopping = false;
    let wake: (() => void) | null = null;
    const onSignal = () => {
      stderr.write("[schedule] stopping after the current step (Ctrl-C again to stop now)\n");
      stopping = true;
      wake?.();
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    try {
      let runs = 0;
      let lastRunAt: number | null = null;
      let eventsAtLastRun: number | null = null;
      let failures = 0;
      while (!stopping && runs < maxRuns) {
        const events = await countTrainableEvents(db);
        const dueByTime = everyMs !== null && (lastRunAt === null || Date.now() - lastRunAt >= everyMs);
        const dueByEvents =
          afterEvents !== null && (eventsAtLastRun === null ? events > 0 : events - eventsAtLastRun >= afterEvents);
        if (dueByTime || dueByEvents) {
          runs += 1;
          lastRunAt = Date.now();
          eventsAtLastRun = events;
          stderr.write(
            `[schedule] run ${runs}: ${dueByTime ? "time" : `${afterEvents} new events`} (${events} events in total)\n`,
          );
          const code = await runCli(["train", "--kind", kind, "--publish", "--quiet"], COMMANDS, {
            env,
            stdout: context.stdout,
            stderr,
          });
          if (code !== 0) failures += 1;
          stderr.write(`[schedule] run ${runs} ${code === 0 ? "published" : `ended with exit code ${code}`}\n`);
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
      stderr.write(`[schedule] stopped after ${runs} run(s), ${failures} not published\n`);
      return failures > 0 && failures === runs ? 1 : 0;
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await db.$disconnect();
    }
  },
});

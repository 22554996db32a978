import { enqueueJob, openJobQueue } from "@jewelguide/api/jobs";
import { createDb, parseDatabaseUrl } from "@jewelguide/db";
import { defineCommand } from "../cli/command";
import { UsageError } from "../cli/usage-error";
import { jobRequestFromCommandLine } from "../jobs/job-command-line";
import { JOB_COMMANDS } from "../jobs/job-commands";
import { workerActor } from "../pipeline/worker-actor";

export const enqueueCommand = defineCommand({
  name: "enqueue",
  summary: "Queue a job for the workers (serve) instead of running it here: enqueue -- train --kind ease --publish.",
  help: `PostgreSQL only. Everything after -- is the command line of the job, checked here exactly as the command
itself checks it: ${JOB_COMMANDS.map((command) => command.name).join(", ")}. Prints the job's id; its progress and
log are on the dashboard's jobs panel. Whichever \`worker serve\` is free takes it.`,
  flags: {},
  maxPositionals: 64,
  async run({ positionals, env, stdout }) {
    if (positionals.length === 0) throw new UsageError("give the job after --, e.g. enqueue -- train --publish");
    const request = jobRequestFromCommandLine(positionals);
    if (parseDatabaseUrl(env.databaseUrl).dialect !== "postgresql") {
      throw new UsageError(
        "the job queue needs PostgreSQL (DATABASE_URL=postgresql://…); on SQLite run the command itself",
      );
    }
    const { db } = createDb(env.databaseUrl);
    const boss = await openJobQueue(env.databaseUrl, { kind: "client" }, () => undefined);
    try {
      const { id } = await enqueueJob(db, boss, request, { name: workerActor().name, role: "operator" });
      stdout.write(`queued ${request.kind} job ${id}\n`);
      return 0;
    } finally {
      await boss.stop({ graceful: false });
      await db.$disconnect();
    }
  },
});

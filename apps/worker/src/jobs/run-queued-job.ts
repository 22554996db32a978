import { parseJobMessage, recordJobFinished, recordJobStarted, recordJobWaitingForRetry } from "@jewelguide/api/jobs";
import type { Db } from "@jewelguide/db";
import type { Output } from "../cli/command";
import { parseCommandLine } from "../cli/parse-command-line";
import type { WorkerEnv } from "../cli/read-worker-env";
import { reportCommandError } from "../cli/report-command-error";
import { UsageError } from "../cli/usage-error";
import { jobCommandLine } from "./job-command-line";
import { JOB_COMMANDS } from "./job-commands";
import { createJobLog, type JobLog } from "./job-log";

/** The parts of a pg-boss job a worker needs (work() with includeMetadata). */
export type QueuedJob = { id: string; data: unknown; retryCount: number; retryLimit: number };

export type JobRunContext = {
  db: Db;
  env: WorkerEnv;
  /** `worker:<os user>@<host> pid N`, written into the job's log. */
  workerName: string;
  /** The worker process's own stderr: every job line is mirrored there. */
  stderr: Output;
  /** How often progress is written to the job's row (default 1000 ms). */
  progressEveryMs?: number;
  /** Told the job's log once it exists, so a stopping worker can release the job through it (serve). */
  onLog?: (log: JobLog) => void;
};

/** An attempt that threw: pg-boss retries the job (or fails it after its last retry). */
export class JobAttemptError extends Error {
  override name = "JobAttemptError";
}

/**
 * Runs one queued job: records it as running (one more attempt), runs its command exactly as the CLI would, with the
 * job's id, and records the outcome with the log. A command that returns an exit code has decided (0 done, else
 * failed: bad input or a refused publish are not retried); one that throws is retried by pg-boss while retries are
 * left (the row waits as queued), and failed after the last. Resolves to the outcome line.
 */
export async function runQueuedJob(job: QueuedJob, context: JobRunContext): Promise<string> {
  const { db } = context;
  const message = (() => {
    try {
      return parseJobMessage(job.data);
    } catch (error) {
      throw new JobAttemptError(`job ${job.id}: ${(error as Error).message}`);
    }
  })();
  const started = await recordJobStarted(db, job.id, message.request, message.requester, context.workerName);
  const log = createJobLog({
    db,
    jobId: job.id,
    initial: started.log,
    mirror: context.stderr,
    prefix: `[job ${job.id.slice(0, 8)} ${message.request.kind}]`,
    everyMs: context.progressEveryMs,
    onWriteError: (error) => context.stderr.write(`[job ${job.id}] progress not recorded: ${String(error)}\n`),
  });
  context.onLog?.(log);
  let lastStdoutLine = "";
  const stdout: Output = {
    write(text) {
      const lines = text.split("\n").filter((line) => line.trim() !== "");
      lastStdoutLine = lines.at(-1) ?? lastStdoutLine;
      log.write(text);
    },
  };
  const argv = jobCommandLine(message.request);
  log.write(`$ npm run worker -- ${argv.map(quoteArgument).join(" ")}\n`);
  let exitCode: number;
  let thrown: unknown = null;
  try {
    const parsed = parseCommandLine(argv, JOB_COMMANDS);
    if (parsed.kind !== "run") throw new UsageError(`${argv.join(" ")} is not a command a job can run`);
    exitCode = await parsed.command.run({
      flags: parsed.flags,
      positionals: parsed.positionals,
      env: context.env,
      stdout,
      stderr: log,
      job: { id: job.id },
    });
  } catch (error) {
    exitCode = reportCommandError(error, log);
    if (!(error instanceof UsageError)) thrown = error;
  }
  await log.close();
  const errorLine = (thrown instanceof Error ? thrown.message : String(thrown)).split("\n")[0] ?? "";
  if (thrown !== null && job.retryCount < job.retryLimit) {
    const why = `attempt ${started.attempt} failed (${errorLine}); retrying`;
    await recordJobWaitingForRetry(db, job.id, why, log.text());
    throw new JobAttemptError(why, { cause: thrown });
  }
  const outcome =
    exitCode === 0
      ? lastStdoutLine || "done"
      : thrown !== null
        ? `failed after ${started.attempt} attempt(s): ${errorLine}`
        : `exit code ${exitCode}: ${lastErrorLine(log.text())}`;
  await recordJobFinished(db, job.id, { status: exitCode === 0 ? "done" : "failed", outcome, log: log.text() });
  if (thrown !== null) throw new JobAttemptError(outcome, { cause: thrown });
  return outcome;
}

/** The last `error:` or `gate:` line of a log (what a failed command said), else its last line. */
function lastErrorLine(log: string): string {
  const lines = log.split("\n").filter((line) => line.trim() !== "");
  const errors = lines.filter((line) => /\b(error|gate):/.test(line) || /not published|stays a candidate/.test(line));
  return errors.at(-1) ?? lines.at(-1) ?? "";
}

function quoteArgument(argument: string): string {
  return /^[\w@%+=:,./-]+$/.test(argument) ? argument : `'${argument.replaceAll("'", "'\\''")}'`;
}

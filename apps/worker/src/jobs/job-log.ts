import { recordJobProgress, trimLog } from "@jewelguide/api/jobs";
import type { Db } from "@jewelguide/db";
import type { Output } from "../cli/command";

/** A running job's stdout and stderr: kept for the dashboard, mirrored to the worker's own stderr. */
export type JobLog = Output & {
  /** Everything written so far (trimmed to the latest lines). */
  text(): string;
  /** Writes what is pending now and stops the timer: call once the command has returned. */
  close(): Promise<void>;
  /**
   * The job was handed back to the queue while its command still runs here (the worker is stopping): appends `why`,
   * waits for the write under way, and from then on persists nothing — so the command's later progress lines, still
   * running in this process, cannot overwrite the row the retry will continue. Resolves to the final log text.
   */
  release(why: string): Promise<string>;
};

export type JobLogOptions = {
  db: Db;
  jobId: string;
  /** The log the job already has (earlier attempts), which this one continues. */
  initial: string;
  /** The worker's stderr, where every line also goes, prefixed with the job. */
  mirror: Output;
  prefix: string;
  /** The most often progress is written to the database (default 1000 ms). */
  everyMs?: number;
  /** A failed progress write is reported here; the job goes on. */
  onWriteError: (error: unknown) => void;
};

/**
 * The Output a queued job's command writes to. Lines and the progress reporter's fractions are written to the job's
 * row at most once per `everyMs` (one UPDATE), so a chatty command costs the database little; `close` writes the rest.
 */
export function createJobLog(options: JobLogOptions): JobLog {
  const everyMs = options.everyMs ?? 1000;
  let log = options.initial;
  let stage = "";
  let fraction = 0;
  let dirty = false;
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  let partial = "";
  let released = false;
  const flush = () => {
    timer = null;
    if (!dirty || released) return writing;
    dirty = false;
    const snapshot = { stage, fraction, log };
    writing = writing.then(() => recordJobProgress(options.db, options.jobId, snapshot)).catch(options.onWriteError);
    return writing;
  };
  const changed = () => {
    dirty = true;
    if (timer === null) timer = setTimeout(flush, everyMs);
  };
  return {
    write(text) {
      log = trimLog(log + text);
      partial += text;
      const lines = partial.split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) options.mirror.write(`${options.prefix} ${line}\n`);
      changed();
    },
    progress(label, reached) {
      stage = label;
      fraction = reached;
      changed();
    },
    text: () => log,
    async close() {
      if (timer !== null) clearTimeout(timer);
      if (partial !== "") options.mirror.write(`${options.prefix} ${partial}\n`);
      partial = "";
      await flush();
    },
    async release(why) {
      released = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await writing;
      log = trimLog(`${log}${why}\n`);
      return log;
    },
  };
}

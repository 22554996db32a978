export type ScheduleLoop<Due> = {
  /** What makes a run due now (passed on to runOnce), or null when none is. */
  isDue(): Promise<Due | null>;
  /** One run; `run` counts from 1. Errors are the caller's to catch: a throw ends the loop. */
  runOnce(due: Due, run: number): Promise<void>;
  /** Aborting stops the loop after the current run, or at once while it waits. */
  signal: AbortSignal;
  /** How long to wait before asking isDue again. */
  pollMs: number;
  /** Stop after this many runs (default: no limit). */
  maxRuns?: number;
};

/**
 * Asks isDue, runs once whenever something is due (checking again right after, without waiting), otherwise waits
 * pollMs; until the signal aborts or maxRuns runs are done. Resolves to the number of runs.
 */
export async function runScheduleLoop<Due>(loop: ScheduleLoop<Due>): Promise<number> {
  const maxRuns = loop.maxRuns ?? Number.POSITIVE_INFINITY;
  let runs = 0;
  while (!loop.signal.aborted && runs < maxRuns) {
    const due = await loop.isDue();
    if (due !== null) {
      runs += 1;
      await loop.runOnce(due, runs);
      continue;
    }
    await waitUnlessAborted(loop.pollMs, loop.signal);
  }
  return runs;
}

/** Resolves after ms, or as soon as the signal aborts. */
function waitUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

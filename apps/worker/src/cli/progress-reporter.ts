import type { Output } from "./command";

/** How one task's lines count its work. */
export type ProgressTaskOptions = {
  /** What is counted ("rows", "shoppers"), printed after the count and the rate. */
  unit?: string;
  /** How far along the task is when the count has no known total (the bytes of a file read so far). */
  fraction?: { of: string; read(): number };
  /** Print only the percentage of `total` reached, no count or rate: for work measured as a fraction (epochs). */
  percentOnly?: boolean;
};

/** One piece of work being reported: a file read, a stage of featurizing, a fit. */
export type ProgressTask = {
  /** Reports `done` units so far (and a detail for the line); prints at most once per interval. */
  tick(done: number, detail?: string): void;
  /** Prints a free-form step of this task ("photos: 30 copied"). */
  note(text: string): void;
  /** Prints the final line: the count, the rate, `summary` and the time taken. */
  done(summary?: string): void;
};

export type ProgressReporter = {
  start(label: string, total?: number, options?: ProgressTaskOptions): ProgressTask;
  /** Prints a free-form line ("loading catalog, users and events"). */
  note(text: string): void;
};

export type ProgressReporterOptions = {
  out: Output;
  /** False for --quiet: nothing is printed. */
  enabled: boolean;
  /** Prefixes every line with `[tag Ns]`, the seconds since the reporter was made. */
  tag?: string;
  /** The most often a task's tick prints, across all tasks (default 1000 ms). */
  everyMs?: number;
  now?: () => number;
};

/** Below this fraction an ETA is mostly noise (start-up costs dominate), so none is printed. */
const ETA_FROM_FRACTION = 0.02;

/**
 * The worker's one progress printer (stderr in every command): throttled lines with counts, rate, percentage and an ETA
 * where the total is known. Commands report through it so that every long step looks and behaves the same.
 */
export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  const now = options.now ?? Date.now;
  const everyMs = options.everyMs ?? 1000;
  const created = now();
  let lastTick = created;
  const write = (text: string) => {
    if (!options.enabled) return;
    const tag = options.tag === undefined ? "" : `[${options.tag} ${((now() - created) / 1000).toFixed(0)}s] `;
    options.out.write(`${tag}${text}\n`);
  };
  return {
    note: write,
    start(label, total, taskOptions = {}) {
      const started = now();
      const prefix = label === "" ? "" : `${label}: `;
      let count = 0;
      let detail: string | undefined;
      const fraction = (): number | undefined => {
        if (total !== undefined) return total > 0 ? count / total : 1;
        return taskOptions.fraction?.read();
      };
      const line = (ending: string | undefined) => {
        const seconds = Math.max((now() - started) / 1000, 0.001);
        const parts: string[] = [];
        const reached = fraction();
        if (!taskOptions.percentOnly) {
          const unit = taskOptions.unit === undefined ? "" : ` ${taskOptions.unit}`;
          const of = total === undefined ? "" : `/${total.toLocaleString("en-US")}`;
          parts.push(`${count.toLocaleString("en-US")}${of}${unit}`, `${formatRate(count / seconds)}${unit}/s`);
        }
        if (reached !== undefined && (taskOptions.percentOnly || taskOptions.fraction)) {
          const of = taskOptions.fraction ? ` of ${taskOptions.fraction.of}` : "";
          parts.push(`${(reached * 100).toFixed(0)}%${of}`);
        }
        if (detail !== undefined) parts.push(detail);
        if (ending !== undefined) parts.push(ending);
        return `${prefix}${parts.join(", ")}`;
      };
      return {
        tick(done, tickDetail) {
          count = done;
          detail = tickDetail;
          const at = now();
          if (at - lastTick < everyMs) return;
          lastTick = at;
          const reached = fraction();
          if (reached !== undefined && options.enabled) options.out.progress?.(label, reached);
          const seconds = (at - started) / 1000;
          const eta =
            reached !== undefined && reached > ETA_FROM_FRACTION && reached < 1
              ? `ETA ${Math.round((seconds * (1 - reached)) / reached)} s`
              : undefined;
          write(line(eta));
        },
        note(text) {
          write(`${prefix}${text}`);
        },
        done(summary) {
          if (summary !== undefined) detail = summary;
          if (options.enabled) options.out.progress?.(label, fraction() ?? 1);
          write(line(`in ${((now() - started) / 1000).toFixed(1)} s`));
        },
      };
    },
  };
}

function formatRate(perSecond: number): string {
  return perSecond >= 100 ? Math.round(perSecond).toLocaleString("en-US") : perSecond.toFixed(1);
}

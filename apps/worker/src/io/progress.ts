import type { Output } from "../cli/command";

export type Progress = {
  /** Reports `rows` rows read so far; prints at most once a second. */
  tick(rows: number): void;
  /** Prints a free-form step ("writing products 2000/9613"). */
  note(text: string): void;
  done(rows: number): void;
};

export type ProgressSource = { totalBytes: number; bytesRead(): number };

/** Progress on stderr: rows, rows/s, % of file bytes and ETA. Silent when `enabled` is false. */
export function createProgress(label: string, source: ProgressSource, stderr: Output, enabled: boolean): Progress {
  const started = Date.now();
  let last = started;
  const line = (rows: number) => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const rate = Math.round(rows / seconds);
    const fraction = source.totalBytes > 0 ? source.bytesRead() / source.totalBytes : 0;
    const eta = fraction > 0 && fraction < 1 ? ` ETA ${Math.round((seconds * (1 - fraction)) / fraction)}s` : "";
    return `${label}: ${rows.toLocaleString("en-US")} rows, ${rate.toLocaleString("en-US")} rows/s, ${(fraction * 100).toFixed(0)}% of file${eta}\n`;
  };
  return {
    tick(rows) {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 1000) return;
      last = now;
      stderr.write(line(rows));
    },
    note(text) {
      if (enabled) stderr.write(`${label}: ${text}\n`);
    },
    done(rows) {
      if (enabled) stderr.write(line(rows).replace(/ ETA \d+s/, ""));
    },
  };
}

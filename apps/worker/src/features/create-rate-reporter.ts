import type { Output } from "../cli/command";

/** Prints "<label> <stage>: done/total, rate/s, ETA" at most once a second (and at the end) while enabled. */
export function createRateReporter(label: string, stderr: Output, enabled: boolean) {
  let last = 0;
  return (stage: string, done: number, total: number, seconds: number) => {
    if (!enabled) return;
    const now = Date.now();
    if (done < total && now - last < 1000) return;
    last = now;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = done < total && rate > 0 ? `, ETA ${Math.ceil((total - done) / rate)} s` : "";
    stderr.write(
      `${label} ${stage}: ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}, ${rate.toFixed(1)}/s${eta}\n`,
    );
  };
}

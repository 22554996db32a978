import fs from "node:fs";

/** VmRSS of a process in MB (from /proc/<pid>/status); undefined when it cannot be read. */
export function readRssMb(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match?.[1] ? Math.round(Number(match[1]) / 102.4) / 10 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS on an interval; stop() returns the peak and the mean (MB, 1 decimal). Idempotent. */
export function startRssSampler(pid: number, everyMs: number): { stop(): { max: number; mean: number } } {
  const samples: number[] = [];
  const take = () => {
    const rss = readRssMb(pid);
    if (rss !== undefined) samples.push(rss);
  };
  take();
  let timer: NodeJS.Timeout | undefined = setInterval(take, everyMs);
  return {
    stop() {
      if (timer) {
        clearInterval(timer);
        timer = undefined;
        take();
      }
      const max = samples.length ? Math.max(...samples) : Number.NaN;
      const mean = samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : Number.NaN;
      return { max: Math.round(max * 10) / 10, mean: Math.round(mean * 10) / 10 };
    },
  };
}

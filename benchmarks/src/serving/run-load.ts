import autocannon from "autocannon";
import type { LoadRequest } from "./build-request-sets";
import { readProcessCpuMs } from "./read-process-cpu";
import { startRssSampler } from "./sample-rss";

export type LoadOptions = {
  baseUrl: string;
  /** Requests (path and cookie), served round-robin across all connections. */
  requests: readonly LoadRequest[];
  /** Sent with every request (the worker token: the operator's load is exempt from the shoppers' rate limits). */
  headers: Readonly<Record<string, string>>;
  connections: number;
  durationSeconds: number;
  /** The web processes (next-server) whose VmRSS is sampled and whose CPU time is summed during the run. */
  serverPids: readonly number[];
};

export type LoadResult = {
  connections: number;
  durationSeconds: number;
  distinctRequests: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; mean: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Per web process, the largest of their peaks and the mean of their means. */
  rssMb: { max: number; mean: number };
  /** The web processes' CPU time (user + system) during the run divided by the requests answered. */
  serverCpuMsPerRequest: number | null;
};

/** One autocannon run (requests in rotation), with the server's RSS sampled every 250 ms while it lasts. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const samplers = options.serverPids.map((pid) => startRssSampler(pid, 250));
  const cpuBefore = totalCpuMs(options.serverPids);
  try {
    const result = await autocannon({
      url: options.baseUrl,
      connections: options.connections,
      duration: options.durationSeconds,
      timeout: 10,
      requests: [
        {
          method: "GET",
          setupRequest: (request) => {
            const { path, cookie } = options.requests[next++ % options.requests.length] ?? { path: "/" };
            return {
              ...request,
              path,
              headers: { ...request.headers, ...options.headers, ...(cookie ? { cookie } : {}) },
            };
          },
        },
      ],
    });
    const peaks = samplers.map((sampler) => sampler.stop());
    const rss = {
      max: Math.max(...peaks.map((peak) => peak.max)),
      mean: round(peaks.reduce((sum, peak) => sum + peak.mean, 0) / Math.max(1, peaks.length)),
    };
    const cpuAfter = totalCpuMs(options.serverPids);
    const requests = result.requests.total;
    const serverCpuMsPerRequest =
      cpuBefore !== undefined && cpuAfter !== undefined && requests > 0
        ? round((cpuAfter - cpuBefore) / requests)
        : null;
    return {
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      distinctRequests: options.requests.length,
      requests: result.requests.total,
      requestsPerSecond: round(result.requests.average),
      latencyMs: {
        p50: result.latency.p50 ?? Number.NaN,
        p90: result.latency.p90 ?? Number.NaN,
        p99: result.latency.p99 ?? Number.NaN,
        mean: round(result.latency.mean),
        max: result.latency.max,
      },
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      rssMb: rss,
      serverCpuMsPerRequest,
    };
  } finally {
    for (const sampler of samplers) sampler.stop();
  }
}

/** Summed CPU time of the processes, or undefined when one cannot be read. */
function totalCpuMs(pids: readonly number[]): number | undefined {
  let total = 0;
  for (const pid of pids) {
    const cpu = readProcessCpuMs(pid);
    if (cpu === undefined) return undefined;
    total += cpu;
  }
  return total;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

import autocannon from "autocannon";
import { readProcessCpuMs } from "./read-process-cpu";
import { startRssSampler } from "./sample-rss";

export type LoadOptions = {
  baseUrl: string;
  /** Request paths, served round-robin across all connections. */
  paths: readonly string[];
  cookieFor?: (path: string) => string | undefined;
  connections: number;
  durationSeconds: number;
  /** The next-server process whose VmRSS is sampled during the run. */
  serverPid: number;
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
  rssMb: { max: number; mean: number };
  /** The server process's CPU time (user + system) during the run divided by the requests answered. */
  serverCpuMsPerRequest: number | null;
};

/** One autocannon run (paths in rotation), with the server's RSS sampled every 250 ms while it lasts. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const sampler = startRssSampler(options.serverPid, 250);
  const cpuBefore = readProcessCpuMs(options.serverPid);
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
            const path = options.paths[next++ % options.paths.length] ?? "/";
            const cookie = options.cookieFor?.(path);
            return { ...request, path, headers: { ...request.headers, ...(cookie ? { cookie } : {}) } };
          },
        },
      ],
    });
    const rss = sampler.stop();
    const cpuAfter = readProcessCpuMs(options.serverPid);
    const requests = result.requests.total;
    const serverCpuMsPerRequest =
      cpuBefore !== undefined && cpuAfter !== undefined && requests > 0
        ? round((cpuAfter - cpuBefore) / requests)
        : null;
    return {
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      distinctRequests: options.paths.length,
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
    sampler.stop();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

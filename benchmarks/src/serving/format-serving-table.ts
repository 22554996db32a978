import type { ScoringResult } from "./measure-scoring";
import type { HttpResult, Procedure } from "./run-serving-benchmark";

/** Targets from the brief: p99 per procedure over HTTP, scoring p50 for 10,000 items, RSS. */
export const TARGETS = {
  p99Ms: { feed: 50, similar: 50, guide: 100 } as Record<Procedure, number>,
  scoringP50Ms: 2,
  rssMb: 1024,
};

export function formatServingTable(http: HttpResult | null, scoring: readonly ScoringResult[]): string {
  const lines: string[] = [];
  if (http) {
    lines.push(
      "procedure                 conns  p50 ms  p90 ms  p99 ms  req/s    requests  non-2xx  errors  RSS max MB  CPU ms/req  p99 target",
    );
    for (const [name, result] of Object.entries(http.procedures) as Array<
      [Procedure, NonNullable<HttpResult["procedures"][Procedure]>]
    >) {
      const target = TARGETS.p99Ms[name];
      const met = result.latencyMs.p99 <= target && result.non2xx === 0 && result.errors === 0 && result.timeouts === 0;
      lines.push(
        [
          result.procedure.padEnd(25),
          String(result.connections).padStart(5),
          String(result.latencyMs.p50).padStart(7),
          String(result.latencyMs.p90).padStart(7),
          String(result.latencyMs.p99).padStart(7),
          result.requestsPerSecond.toFixed(1).padStart(7),
          String(result.requests).padStart(10),
          String(result.non2xx).padStart(8),
          String(result.errors + result.timeouts).padStart(7),
          result.rssMb.max.toFixed(0).padStart(11),
          (result.serverCpuMsPerRequest === null ? "-" : result.serverCpuMsPerRequest.toFixed(2)).padStart(11),
          `  ≤ ${target} ms ${met ? "met" : "NOT met"}`,
        ].join(" "),
      );
    }
    const warmUps = Object.values(http.procedures).flatMap((result) =>
      result.warmUp
        ? [
            `${result.procedure} p50 ${result.warmUp.p50} / p99 ${result.warmUp.p99} ms at ` +
              `${result.warmUp.requestsPerSecond.toFixed(0)} req/s`,
          ]
        : [],
    );
    if (warmUps.length > 0) {
      const seconds = Object.values(http.procedures).find((result) => result.warmUp)?.warmUp?.seconds;
      lines.push(`warm-up load before each procedure (${seconds} s, not counted): ${warmUps.join("; ")}`);
    }
    lines.push(
      `model version ${http.server.modelVersionId} (${http.server.modelKind}); next start × ${http.server.workers}; ` +
        `largest web process RSS after warm-up ${http.server.rssMbAfterWarmUp?.toFixed(0)} MB`,
      "",
    );
  }
  if (scoring.length > 0) {
    lines.push("scoring: recommend(user, { k: 20, filter }) in process");
    lines.push(
      "catalog                                   model                 items   users  p50 ms  p90 ms  p99 ms  fit s",
    );
    for (const result of scoring) {
      lines.push(
        [
          result.catalog.padEnd(41),
          result.kind.padEnd(21),
          String(result.items).padStart(6),
          String(result.users).padStart(7),
          result.p50Ms.toFixed(3).padStart(7),
          result.p90Ms.toFixed(3).padStart(7),
          result.p99Ms.toFixed(3).padStart(7),
          (result.fitSeconds === undefined ? "-" : result.fitSeconds.toFixed(1)).padStart(6),
        ].join(" "),
      );
    }
  }
  return lines.join("\n");
}

import os from "node:os";
import { type ServerSecrets, WORKER_TOKEN_HEADER } from "@jewelguide/api/security";
import type { Db } from "@jewelguide/db";
import { buildRequestSets, type RequestSets } from "./build-request-sets";
import { type LoadResult, runLoad } from "./run-load";
import { readRssMb } from "./sample-rss";
import { startWebServer } from "./start-web-server";

export type ServingBenchmarkOptions = {
  root: string;
  databaseUrl: string;
  dataDir: string;
  db: Db;
  /** The shop's keys (the server started below loads the same): signs the shoppers' cookies, gives the worker token. */
  secrets: ServerSecrets;
  connections: number;
  /** Web processes (WEB_CONCURRENCY of apps/web/scripts/serve.mjs). */
  workers: number;
  durationSeconds: number;
  /**
   * Seconds of the same load per procedure before the measured run, results discarded: the JIT compiles the hot
   * paths and per-item caches (neighbour lists) fill, as in a shop that has been serving for a while. 0 = none.
   */
  warmUpSeconds: number;
  procedures: readonly Procedure[];
  seed: number;
  log: (text: string) => void;
  serverLog: { write(text: string): void };
};

export const PROCEDURES = ["feed", "similar", "guide"] as const;
export type Procedure = (typeof PROCEDURES)[number];

export const PROCEDURE_NAMES: Record<Procedure, string> = {
  feed: "recommendations.feed",
  similar: "recommendations.similar",
  guide: "guide.ask",
};

/** What the uncounted warm-up load before a procedure measured (for the first procedure: the seconds after start). */
export type WarmUpFigures = { seconds: number; p50: number; p99: number; requestsPerSecond: number };

export type HttpResult = {
  server: {
    workers: number;
    /** The largest web process's RSS. */
    rssMbAfterWarmUp: number | null;
    rssMbAtEnd: number | null;
    modelVersionId: number | null;
    modelKind: string;
  };
  requestSets: RequestSets["counts"];
  procedures: Partial<Record<Procedure, LoadResult & { procedure: string; warmUp: WarmUpFigures | null }>>;
};

/**
 * Starts `next start`, warms every procedure until it answers 200 from the active model version, then loads each
 * procedure in turn with autocannon; always stops the server's process group.
 */
export async function runHttpBenchmark(options: ServingBenchmarkOptions): Promise<HttpResult> {
  const sets = await buildRequestSets(options.db, {
    usersWithHistory: 400,
    newShoppers: 200,
    skus: 400,
    seed: options.seed,
    secrets: options.secrets,
  });
  const headers = { [WORKER_TOKEN_HEADER]: options.secrets.workerToken };
  options.log(
    `requests: ${sets.feed.length} feeds (${sets.counts.usersWithHistory} REES46 shoppers, ${sets.counts.newShoppers} new ids), ` +
      `${sets.similar.length} similar SKUs, ${sets.guide.length} guide requests (${sets.counts.guideTexts} texts)`,
  );
  const server = await startWebServer({
    root: options.root,
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    workers: options.workers,
    log: options.serverLog,
  });
  options.log(
    `web server ready on ${server.baseUrl}: next start × ${options.workers} (group ${server.pid}, next-server pids ${server.serverPids.join(", ")})`,
  );
  try {
    const served = await warmUp(server.baseUrl, sets, headers, options.log);
    const rssMbAfterWarmUp = largestRssMb(server.serverPids);
    options.log(
      `warm: model version ${served.modelVersionId} (${served.modelKind}), RSS ${rssMbAfterWarmUp?.toFixed(0)} MB`,
    );
    const procedures: HttpResult["procedures"] = {};
    for (const procedure of options.procedures) {
      const loadAverage = os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(" ");
      const load = (durationSeconds: number) =>
        runLoad({
          baseUrl: server.baseUrl,
          requests: sets[procedure],
          headers,
          connections: options.connections,
          durationSeconds,
          serverPids: server.serverPids,
        });
      let warmUp: WarmUpFigures | null = null;
      if (options.warmUpSeconds > 0) {
        const warm = await load(options.warmUpSeconds);
        warmUp = {
          seconds: options.warmUpSeconds,
          p50: warm.latencyMs.p50,
          p99: warm.latencyMs.p99,
          requestsPerSecond: warm.requestsPerSecond,
        };
        options.log(
          `${procedure}: warm-up load ${options.warmUpSeconds} s (not counted): p50 ${warm.latencyMs.p50} ms, ` +
            `p99 ${warm.latencyMs.p99} ms, ${warm.requestsPerSecond} req/s`,
        );
      }
      options.log(
        `${procedure}: ${options.connections} connections for ${options.durationSeconds} s (load ${loadAverage})`,
      );
      const result = await load(options.durationSeconds);
      procedures[procedure] = { procedure: PROCEDURE_NAMES[procedure], ...result, warmUp };
      options.log(
        `${procedure}: p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, ${result.requestsPerSecond} req/s, ` +
          `non-2xx ${result.non2xx}, errors ${result.errors}, RSS max ${result.rssMb.max} MB, ` +
          `server CPU ${result.serverCpuMsPerRequest ?? "?"} ms/request`,
      );
    }
    return {
      server: {
        workers: options.workers,
        rssMbAfterWarmUp,
        rssMbAtEnd: largestRssMb(server.serverPids),
        ...served,
      },
      requestSets: sets.counts,
      procedures,
    };
  } finally {
    await server.stop();
    options.log("web server stopped");
  }
}

function largestRssMb(pids: readonly number[]): number | null {
  const values = pids.flatMap((pid) => readRssMb(pid) ?? []);
  return values.length > 0 ? Math.max(...values) : null;
}

type Served = { modelVersionId: number | null; modelKind: string };

/** Sends 20 requests of each procedure one by one; fails unless each answers 200 and the feed comes from a model. */
async function warmUp(
  baseUrl: string,
  sets: RequestSets,
  headers: Record<string, string>,
  log: (text: string) => void,
): Promise<Served> {
  let served: Served = { modelVersionId: null, modelKind: "?" };
  const started = Date.now();
  for (const procedure of PROCEDURES) {
    for (const { path, cookie } of sets[procedure].slice(0, 20)) {
      const response = await fetch(`${baseUrl}${path}`, {
        headers: { ...headers, ...(cookie ? { cookie } : {}) },
        signal: AbortSignal.timeout(60_000),
      });
      const body = await response.text();
      if (!response.ok) throw new Error(`warm-up ${procedure} answered ${response.status}: ${body.slice(0, 300)}`);
      if (procedure === "feed") {
        const data = (JSON.parse(body) as { result: { data: { json: Served & { source: string } } } }).result.data.json;
        served = { modelVersionId: data.modelVersionId, modelKind: data.modelKind };
        if (data.source !== "active-version") log(`warm-up: the feed is served by ${data.source}`);
      }
    }
  }
  log(`warm-up: 60 requests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return served;
}

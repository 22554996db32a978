import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, migrateDatabase, repoRoot } from "@jewelguide/db";
import { defineCommand, parsePositiveInteger, UsageError } from "@jewelguide/worker/cli";
import { loadShopSecrets } from "@jewelguide/worker/simulate";
import { formatServingTable, TARGETS } from "../serving/format-serving-table";
import { measureActiveModel, measureSyntheticModels, type ScoringResult } from "../serving/measure-scoring";
import { type HttpResult, PROCEDURES, type Procedure, runHttpBenchmark } from "../serving/run-serving-benchmark";
import { buildWeb, inspectWebBuild } from "../serving/web-build";
import { recordedCommandLine } from "./recorded-command-line";

const SYNTHETIC_KINDS: Record<string, unknown> = {
  popularity: {},
  itemknn: {},
  // One short epoch: the scoring cost depends on the item count and dims, not on how well it trained.
  // Its dense products (training) and its serving scorer on TF.js, as the web app serves it.
  joint: { epochs: 1, dims: 64, batchSize: 1024, negatives: 128 },
};

export const servingCommand = defineCommand({
  name: "serving",
  summary:
    "Load-test feed, similar and guide over HTTP against `next start`, time in-process scoring; write benchmarks/results/serving.json.",
  help: `Builds apps/web when its production build is older than its sources (--no-build: fail instead), starts
the production server as \`npm run demo\` does (apps/web/scripts/serve.mjs: \`next start\` in --workers processes
sharing the port) on a free port in its own process group against DATABASE_URL (default the demo DB), checks that
every procedure answers, runs --warm-up seconds of the same load per procedure (not counted: V8's optimising
compilers, its heap sizing and the per-item neighbour caches reach the steady state of a shop that has been serving;
measured on the feed, 3-second windows after start go p99 428 → 106 → 67 → 64 → 61 ms and settle after ~10 s; the
warm-up's own figures are printed too), then loads recommendations.feed (REES46 shoppers with
history and new ids), recommendations.similar (random SKUs) and guide.ask (~30 zh/en/mixed requests) in turn with
autocannon: p50/p90/p99 latency, requests/s, non-2xx, errors, each web process's RSS (VmRSS, sampled every 250 ms)
and the web processes' CPU time per request. Then stops the server, and times recommend(user, { k: 20, filter }) in
process for 1,000 users on the active model version and on synthetic 10,000-item models, as the web app serves them.
Targets: p99 ≤ ${TARGETS.p99Ms.feed} ms feed and similar, ≤ ${TARGETS.p99Ms.guide} ms guide, zero errors, scoring p50
≤ ${TARGETS.scoringP50Ms} ms at 10,000 items, RSS < 1 GB. Run it on an otherwise idle machine: the load average is recorded.`,
  flags: {
    duration: { type: "string", valueName: "S", description: "seconds of load per procedure (default 15)" },
    "warm-up": {
      type: "string",
      valueName: "S",
      description: "seconds of uncounted load per procedure before it is measured (default 15; 0 = none)",
    },
    connections: { type: "string", valueName: "N", description: "concurrent connections (default 32)" },
    workers: {
      type: "string",
      valueName: "N",
      description: "web processes, as WEB_CONCURRENCY (default: WEB_CONCURRENCY, else the number of CPUs)",
    },
    procedures: { type: "string", valueName: "A,B", description: "feed,similar,guide (default all)" },
    "no-build": { type: "boolean", description: "never run next build; fail when the build is missing or stale" },
    "no-http": { type: "boolean", description: "skip the HTTP load test" },
    "no-scoring": { type: "boolean", description: "skip the in-process scoring benchmark" },
    "synthetic-items": {
      type: "string",
      valueName: "N",
      description: "items of the synthetic catalog (default 10000)",
    },
    "synthetic-kinds": {
      type: "string",
      valueName: "A,B",
      description: `models fitted on it (default ${Object.keys(SYNTHETIC_KINDS).join(",")})`,
    },
    users: { type: "string", valueName: "N", description: "users timed by the scoring benchmark (default 1000)" },
    out: { type: "string", valueName: "PATH", description: "result JSON (default benchmarks/results/serving.json)" },
  },
  async run({ flags, env, stdout, stderr }) {
    const duration = flags.duration ? parsePositiveInteger("--duration", flags.duration) : 15;
    const warmUpSeconds =
      flags["warm-up"] === "0" ? 0 : flags["warm-up"] ? parsePositiveInteger("--warm-up", flags["warm-up"]) : 15;
    const connections = flags.connections ? parsePositiveInteger("--connections", flags.connections) : 32;
    const users = flags.users ? parsePositiveInteger("--users", flags.users) : 1000;
    const workers = flags.workers
      ? parsePositiveInteger("--workers", flags.workers)
      : process.env.WEB_CONCURRENCY
        ? parsePositiveInteger("WEB_CONCURRENCY", process.env.WEB_CONCURRENCY)
        : os.availableParallelism();
    const syntheticItems = flags["synthetic-items"]
      ? parsePositiveInteger("--synthetic-items", flags["synthetic-items"])
      : 10_000;
    const procedures = (flags.procedures?.split(",").map((name) => name.trim()) ?? [...PROCEDURES]) as Procedure[];
    for (const name of procedures) {
      if (!PROCEDURES.includes(name))
        throw new UsageError(`--procedures: unknown ${name}; known: ${PROCEDURES.join(", ")}`);
    }
    const kinds = flags["synthetic-kinds"]?.split(",").map((name) => name.trim()) ?? Object.keys(SYNTHETIC_KINDS);
    for (const kind of kinds) {
      if (!(kind in SYNTHETIC_KINDS)) {
        throw new UsageError(`--synthetic-kinds: unknown ${kind}; known: ${Object.keys(SYNTHETIC_KINDS).join(", ")}`);
      }
    }
    const out = path.resolve(flags.out ?? path.join(repoRoot, "benchmarks", "results", "serving.json"));
    const databaseUrl = absoluteSqliteUrl(env.databaseUrl);
    const log = (text: string) => stderr.write(`[benchmark serving] ${text}\n`);
    const loadAverage = () => os.loadavg().map((value) => Number(value.toFixed(2)));
    const loadBefore = loadAverage();
    log(`load average ${loadBefore.join(" ")} on ${os.cpus().length} CPUs`);

    if (!flags["no-http"]) {
      const build = inspectWebBuild(repoRoot);
      if (build.stale) {
        const why = build.built ? `older than ${build.newestSource}` : "missing";
        if (flags["no-build"]) {
          throw new UsageError(
            `the apps/web production build is ${why}; run \`pnpm --filter @jewelguide/web build\` (or drop --no-build)`,
          );
        }
        log(`the apps/web production build is ${why}: running next build`);
        await buildWeb(repoRoot, stderr);
      }
    }

    // The web app expects the current schema (e.g. the A/B test table the feed reads).
    await migrateDatabase(databaseUrl);
    const handle = createDb(databaseUrl);
    try {
      let http: HttpResult | null = null;
      if (!flags["no-http"]) {
        http = await runHttpBenchmark({
          root: repoRoot,
          databaseUrl,
          dataDir: env.dataDir,
          db: handle.db,
          secrets: loadShopSecrets(env),
          connections,
          workers,
          durationSeconds: duration,
          warmUpSeconds,
          procedures,
          seed: 7,
          log,
          serverLog: stderr,
        });
      }
      const loadAfterHttp = loadAverage();
      const scoring: ScoringResult[] = [];
      if (!flags["no-scoring"]) {
        log(`scoring: active model version, ${users} users`);
        const active = await measureActiveModel(handle, users, 11);
        if (active) scoring.push(active);
        else log("scoring: no active model version with an artifact; skipped the real catalog");
        scoring.push(
          ...(await measureSyntheticModels({
            items: syntheticItems,
            users: syntheticItems,
            scoredUsers: users,
            kinds: kinds.map((kind) => ({ kind, config: SYNTHETIC_KINDS[kind] })),
            seed: 13,
            log: (text) => log(`scoring: ${text}`),
          })),
        );
      }
      const loadAfter = loadAverage();
      const result = {
        measuredAt: new Date().toISOString(),
        command: recordedCommandLine("serving"),
        machine: {
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model ?? "?",
          node: process.version,
          loadAverage: { before: loadBefore, afterHttp: loadAfterHttp, after: loadAfter },
        },
        databaseUrl: databaseUrl.replace(repoRoot, "."),
        warmUpSeconds,
        targets: TARGETS,
        http,
        scoring,
        verdicts: verdicts(http, scoring, syntheticItems),
      };
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
      stdout.write(
        `${formatServingTable(http, scoring)}\nload average before ${loadBefore.join(" ")}, after ${loadAfter.join(" ")}\nwritten ${path.relative(process.cwd(), out)}\n`,
      );
      return 0;
    } finally {
      await handle.db.$disconnect();
    }
  },
});

function verdicts(http: HttpResult | null, scoring: readonly ScoringResult[], syntheticItems: number) {
  const out: Record<string, boolean> = {};
  for (const [name, result] of Object.entries(http?.procedures ?? {}) as Array<
    [Procedure, NonNullable<HttpResult["procedures"][Procedure]>]
  >) {
    out[`${name} p99 ≤ ${TARGETS.p99Ms[name]} ms`] = result.latencyMs.p99 <= TARGETS.p99Ms[name];
    out[`${name} zero errors`] = result.non2xx === 0 && result.errors === 0 && result.timeouts === 0;
  }
  if (http) {
    const peak = Math.max(...Object.values(http.procedures).map((result) => result?.rssMb.max ?? 0));
    out["web RSS < 1 GB"] = peak < TARGETS.rssMb;
  }
  for (const result of scoring) {
    if (result.items >= syntheticItems) {
      out[`scoring p50 ≤ ${TARGETS.scoringP50Ms} ms (${result.kind}, ${result.items} items)`] =
        result.p50Ms <= TARGETS.scoringP50Ms;
    }
  }
  return out;
}

/** `file:relative.db` → `file:/absolute.db` (the web app requires an absolute path); other URLs unchanged. */
function absoluteSqliteUrl(url: string): string {
  if (!url.startsWith("file:") || url.startsWith("file:/")) return url;
  return `file:${path.resolve(url.slice("file:".length))}`;
}

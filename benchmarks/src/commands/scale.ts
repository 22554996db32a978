import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, repoRoot } from "@jewelguide/db";
import { defineCommand, parsePositiveInteger, UsageError } from "@jewelguide/worker/cli";
import { defaultRees46File } from "@jewelguide/worker/ingest";
import { importRees46Database, rees46DatabaseUrl } from "../rees46/import-rees46-database";
import { readShopProfile } from "../scale/read-shop-profile";
import { formatScaleTable, SCALE_TARGETS, scaleVerdicts, writeScalePlots } from "../scale/render-scale-report";
import { DEFAULT_JOINT_CONFIG, runScaleTier, type TierResult } from "../scale/run-scale-tier";
import { inspectWebBuild } from "../serving/web-build";
import { recordedCommandLine } from "./recorded-command-line";

export const scaleCommand = defineCommand({
  name: "scale",
  summary:
    "Generate REES46-shaped synthetic shops of growing size and measure import, featurize, training, serving and the dashboard on PostgreSQL; write benchmarks/results/scale.json.",
  help: `Fits a profile to the REES46 benchmark database (importing it first when needed, as \`rees46\` does): the joint
mix of category, metal, gem, colour and gender, per-category price quantiles, purchases per shopper and the Zipf
exponent of product popularity. Then, for every --products × --events tier (smallest first), in a throwaway database
on the PostgreSQL server (--postgres, default JEWELGUIDE_TEST_POSTGRES_URL): generates the shop as CSV files
(catalog, users, events; benchmarks/src/scale/generate-scale-shop.ts), imports them with the worker's importers,
featurizes (text only: synthetic products have no photos), trains the joint model (one epoch, or --joint-config) and item-kNN
(no offline evaluation), publishes the joint version, times in-process scoring for 1,000 shoppers, every dashboard
query through the tRPC router, and the feed at 32 connections over HTTP against the existing apps/web production
build (one web process, under flock /tmp/jg-web.lock; queued, so the next tiers go on while it waits). Each step runs in its own process under GNU time, which gives
its peak RSS. scale.json is rewritten after every step, so an interrupted run keeps what it measured; then the SVG
plots (--plots, default benchmarks/results/scale/) and the table are written. --render-only redraws them from
scale.json. Budgets: web RSS < ${SCALE_TARGETS.webRssMb} MB, feed p99 ≤ ${SCALE_TARGETS.feedP99Ms} ms, training ≤
${SCALE_TARGETS.trainingMinutes} min, dashboard page ≤ ${SCALE_TARGETS.dashboardPageMs} ms.`,
  flags: {
    products: { type: "string", valueName: "A,B", description: "catalog sizes (default 10000,100000)" },
    events: { type: "string", valueName: "A,B", description: "event counts (default 100000,1000000,10000000)" },
    seed: { type: "string", valueName: "N", description: "generator seed (default 1)" },
    postgres: {
      type: "string",
      valueName: "URL",
      description: "PostgreSQL server (default JEWELGUIDE_TEST_POSTGRES_URL)",
    },
    duration: { type: "string", valueName: "S", description: "seconds of measured feed load per tier (default 15)" },
    "warm-up": { type: "string", valueName: "S", description: "seconds of uncounted feed load first (default 10)" },
    out: { type: "string", valueName: "PATH", description: "result JSON (default benchmarks/results/scale.json)" },
    plots: { type: "string", valueName: "DIR", description: "SVG plots (default benchmarks/results/scale)" },
    "joint-config": {
      type: "string",
      valueName: "JSON",
      description: 'the joint model\'s --config (default {"epochs":1}; {} trains it as an operator would)',
    },
    "no-http": { type: "boolean", description: "skip the feed load test (and the web build it needs)" },
    "render-only": { type: "boolean", description: "only redraw the table and plots from the result JSON" },
  },
  async run({ flags, env, stdout, stderr }) {
    const out = path.resolve(flags.out ?? path.join(repoRoot, "benchmarks", "results", "scale.json"));
    const plotsDir = path.resolve(flags.plots ?? path.join(repoRoot, "benchmarks", "results", "scale"));
    const log = (text: string) => stderr.write(`[benchmark scale] ${text}\n`);
    const report = (tiers: readonly TierResult[]) => {
      const plots = writeScalePlots(tiers, plotsDir);
      stdout.write(
        `${formatScaleTable(tiers)}\n\nplots: ${plots.map((file) => path.relative(process.cwd(), file)).join(", ")}\n`,
      );
    };
    if (flags["render-only"]) {
      if (!fs.existsSync(out)) throw new UsageError(`--render-only: ${out} does not exist; run the benchmark first`);
      report((JSON.parse(fs.readFileSync(out, "utf8")) as { tiers: TierResult[] }).tiers);
      return 0;
    }
    const productSizes = parseList("--products", flags.products ?? "10000,100000");
    const eventCounts = parseList("--events", flags.events ?? "100000,1000000,10000000");
    const seed = flags.seed === undefined ? 1 : parsePositiveInteger("--seed", flags.seed);
    const httpSeconds = flags.duration === undefined ? 15 : parsePositiveInteger("--duration", flags.duration);
    const warmUpSeconds = flags["warm-up"] === undefined ? 10 : parsePositiveInteger("--warm-up", flags["warm-up"]);
    const jointConfig = parseJsonObject("--joint-config", flags["joint-config"]) ?? { ...DEFAULT_JOINT_CONFIG };
    const postgresServerUrl = flags.postgres ?? process.env.JEWELGUIDE_TEST_POSTGRES_URL ?? "";
    if (!postgresServerUrl.startsWith("postgres")) {
      throw new UsageError(
        "scale needs a PostgreSQL server: --postgres postgresql://… or JEWELGUIDE_TEST_POSTGRES_URL (bash scripts/postgres.sh start)",
      );
    }
    const build = flags["no-http"] ? null : inspectWebBuild(repoRoot);
    if (build && !build.built) {
      throw new UsageError(
        "scale serves the feed from the apps/web production build, which is missing: flock /tmp/jg-web.lock pnpm --filter @jewelguide/web build",
      );
    }
    if (build?.stale) log(`the apps/web production build is older than ${build.newestSource}; measuring it as built`);

    const imported = await importRees46Database({ env, stderr }, defaultRees46File(env.sharedDir));
    if (imported !== 0) return imported;
    const rees46 = createDb(rees46DatabaseUrl(env.dataDir));
    const profile = await readShopProfile(rees46.db).finally(() => rees46.db.$disconnect());
    log(
      `profile: ${profile.attributeMix.length} attribute combinations, Zipf exponent ${profile.zipfExponent.toFixed(3)}, ` +
        `fitted on ${profile.source.products} products / ${profile.source.purchases} purchases / ${profile.source.shoppers} shoppers`,
    );
    const tiers = eventCounts
      .flatMap((events) => productSizes.map((products) => ({ products, events })))
      .sort((a, b) => a.events - b.events || a.products - b.products);
    const results: TierResult[] = [];
    const loadBefore = os.loadavg().map((value) => Number(value.toFixed(2)));
    const write = () => {
      const body = {
        measuredAt: new Date().toISOString(),
        command: recordedCommandLine("scale"),
        machine: {
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model ?? "?",
          node: process.version,
          loadAverage: { before: loadBefore, now: os.loadavg().map((value) => Number(value.toFixed(2))) },
        },
        webBuild: build,
        profile,
        targets: SCALE_TARGETS,
        tiersPlanned: tiers,
        tiers: results,
        verdicts: scaleVerdicts(results),
      };
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, `${JSON.stringify(body, null, 2)}\n`);
    };
    // The feed measures queue behind each other (one web server at a time) while the next tiers go on.
    let httpQueue = Promise.resolve();
    for (const tier of tiers) {
      const index = results.length;
      const { measureHttp } = await runScaleTier({
        root: repoRoot,
        dataDir: env.dataDir,
        postgresServerUrl,
        profile,
        ...tier,
        seed,
        jointConfig,
        http: flags["no-http"] ? null : { seconds: httpSeconds, warmUpSeconds },
        log,
        onProgress: (result) => {
          results[index] = result;
          write();
        },
      });
      if (measureHttp) httpQueue = httpQueue.then(measureHttp);
    }
    await httpQueue;
    write();
    report(results);
    stdout.write(`written ${path.relative(process.cwd(), out)}\n`);
    return results.some((result) => result.failed) ? 1 : 0;
  },
});

function parseList(flag: string, text: string): number[] {
  const values = text.split(",").map((part) => parsePositiveInteger(flag, part.trim()));
  return [...new Set(values)];
}

function parseJsonObject(flag: string, text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${flag}: not JSON (${(error as Error).message}): ${text}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new UsageError(`${flag}: expected a JSON object such as {"epochs":1}, got ${text}`);
  }
  return value as Record<string, unknown>;
}

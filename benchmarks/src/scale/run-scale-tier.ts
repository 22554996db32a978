import fs from "node:fs";
import path from "node:path";
import { createDb, type Db } from "@jewelguide/db";
import { createTestDatabase } from "@jewelguide/db/testing";
import type { ScoringResult } from "../serving/measure-scoring";
import type { HttpResult } from "../serving/run-serving-benchmark";
import { generateScaleShop } from "./generate-scale-shop";
import { type ChildMeasure, runMeasuredChild } from "./run-measured-child";
import type { ShopProfile } from "./shop-profile";

/** The joint model's config per tier unless the caller gives one: one epoch, timed as the fit (its setup included). */
export const DEFAULT_JOINT_CONFIG: Readonly<Record<string, unknown>> = { epochs: 1 };
/** The lock every run of `next start` takes on this machine (shared with the e2e and serving runs). */
const WEB_LOCK = ["flock", "/tmp/jg-web.lock"];

type Throughput = { rows: number; seconds: number; rowsPerSecond: number; peakRssMb: number };
type Training = {
  kind: string;
  config: Record<string, unknown>;
  versionId: number;
  commandSeconds: number;
  fitSeconds: number;
  epochs: number | null;
  secondsPerEpoch: number | null;
  peakRssMb: number;
  artifactBytes: number;
};

export type TierResult = {
  products: number;
  events: number;
  seed: number;
  shoppers?: number;
  eventsByType?: Record<string, number>;
  generateSeconds?: number;
  import?: { catalog: Throughput; users: Throughput; events: Throughput };
  databaseMb?: number;
  featurize?: Throughput & { note: string };
  training?: { joint: Training; itemknn: Training };
  scoring?: ScoringResult & { peakRssMb: number; rssMbWithModel: number };
  dashboard?: { queries: Record<string, { firstMs: number; medianMs: number }>; peakRssMb: number };
  http?: {
    feed: {
      p50Ms: number;
      p99Ms: number;
      requestsPerSecond: number;
      non2xx: number;
      errors: number;
      /** The web process's CPU time per request: unlike latency, it hardly depends on what else the machine runs. */
      serverCpuMsPerRequest?: number | null;
    };
    webRssMb: { afterWarmUp: number | null; max: number };
    modelKind: string;
    connections: number;
    durationSeconds: number;
    warmUpSeconds: number;
    /** The machine's 1-minute load average when the load started (other tiers' steps may run meanwhile). */
    loadAverage: number;
  };
  /** The step that failed, when one did (later steps did not run). */
  failed?: { step: string; message: string };
};

export type TierOptions = {
  root: string;
  dataDir: string;
  postgresServerUrl: string;
  profile: ShopProfile;
  products: number;
  events: number;
  seed: number;
  /** The joint model's --config (DEFAULT_JOINT_CONFIG: one epoch; `{}` trains it as an operator would, bounded). */
  jointConfig: Record<string, unknown>;
  /** Seconds of measured and of uncounted feed load; null skips the HTTP step. */
  http: { seconds: number; warmUpSeconds: number } | null;
  log: (text: string) => void;
  /** Called after every step with the tier's result so far (the command writes scale.json each time). */
  onProgress: (result: TierResult) => void;
};

/**
 * One tier of the scale benchmark: generates the synthetic shop, imports it into a throwaway PostgreSQL database with
 * the worker's own importers, featurizes, trains the joint model (`jointConfig`) and item-kNN, publishes the joint
 * version, then times scoring and the dashboard's queries. Every step runs in a child process under GNU time. The
 * feed over HTTP waits for the machine's web lock, which e2e runs hold for many minutes, so it is returned as
 * `measureHttp` for the caller to run when it can (the next tier meanwhile goes on); it drops the database when done.
 * A failing step ends the tier with `failed` set and drops the database at once.
 */
export async function runScaleTier(
  options: TierOptions,
): Promise<{ result: TierResult; measureHttp: (() => Promise<void>) | null }> {
  const result: TierResult = { products: options.products, events: options.events, seed: options.seed };
  const workDir = path.join(options.dataDir, "benchmarks", "scale", `p${options.products}-e${options.events}`);
  fs.mkdirSync(workDir, { recursive: true });
  const logFile = path.join(workDir, "children.log");
  fs.writeFileSync(logFile, "");
  // A fresh, migrated, uniquely named database on the server; dropped at the end.
  const database = await createTestDatabase({ postgresServerUrl: options.postgresServerUrl });
  const databaseUrl = database.url;
  const name = new URL(databaseUrl).pathname.slice(1);
  const env = { DATABASE_URL: databaseUrl, JEWELGUIDE_DATA_DIR: options.dataDir };
  const worker = (args: string[]) =>
    runMeasuredChild({ cwd: options.root, script: "apps/worker/src/cli.ts", args, env, logFile });
  const child = (measure: string, measureOptions: unknown, wrapper?: readonly string[]) =>
    runMeasuredChild({
      cwd: options.root,
      script: "benchmarks/src/scale/scale-child.ts",
      args: [measure, JSON.stringify(measureOptions)],
      env,
      logFile,
      wrapper,
    });
  let step = "generate";
  try {
    options.log(`${name}: generating ${options.products} products, ${options.events} events (seed ${options.seed})`);
    const started = performance.now();
    const files = generateScaleShop(options.profile, {
      products: options.products,
      events: options.events,
      seed: options.seed,
      dir: workDir,
    });
    result.generateSeconds = round((performance.now() - started) / 1000);
    result.shoppers = files.counts.shoppers;
    result.eventsByType = files.counts.byType;
    options.onProgress(result);

    step = "import";
    const imported = async (source: string, file: string, rows: number) => {
      const measured = await worker(["import", source, "--file", file, "--quiet"]);
      const throughput = toThroughput(rows, measured);
      options.log(
        `import ${source}: ${rows} rows in ${throughput.seconds} s (${throughput.rowsPerSecond}/s), peak ${throughput.peakRssMb} MB`,
      );
      return throughput;
    };
    result.import = {
      catalog: await imported("catalog", files.catalog, files.counts.products),
      users: await imported("users", files.users, files.counts.shoppers),
      events: await imported("events", files.events, files.counts.events),
    };
    await checkCounts(database.db, files.counts);
    result.databaseMb = await databaseSizeMb(database.db);
    options.onProgress(result);

    step = "featurize";
    const featurized = toThroughput(files.counts.products, await worker(["featurize", "--quiet"]));
    result.featurize = {
      ...featurized,
      note: "text features only: the synthetic products have no photos, so no image is encoded",
    };
    options.log(`featurize: ${featurized.rowsPerSecond} products/s, peak ${featurized.peakRssMb} MB`);
    options.onProgress(result);

    step = "train";
    const joint = await train(worker, databaseUrl, "joint", options.jointConfig);
    const itemknn = await train(worker, databaseUrl, "itemknn", {});
    result.training = { joint, itemknn };
    for (const fit of [joint, itemknn]) {
      options.log(
        `train ${fit.kind}: fit ${fit.fitSeconds} s (command ${fit.commandSeconds} s), peak ${fit.peakRssMb} MB, artifact ${fit.artifactBytes} bytes`,
      );
    }
    options.onProgress(result);

    step = "publish";
    await worker(["publish", "--version", String(joint.versionId), "--force"]);

    step = "scoring";
    const scoring = await child("scoring", { users: 1000 });
    result.scoring = {
      ...(JSON.parse(scoring.stdout) as ScoringResult & { rssMbWithModel: number }),
      peakRssMb: scoring.peakRssMb,
    };
    options.log(
      `scoring: p50 ${result.scoring.p50Ms} ms, p99 ${result.scoring.p99Ms} ms, RSS with model ${result.scoring.rssMbWithModel} MB`,
    );
    options.onProgress(result);

    step = "dashboard";
    const dashboard = await child("dashboard", {});
    result.dashboard = { queries: JSON.parse(dashboard.stdout), peakRssMb: dashboard.peakRssMb };
    options.onProgress(result);
  } catch (error) {
    result.failed = { step, message: (error as Error).message };
    options.log(`${name}: step ${step} failed: ${(error as Error).message}`);
    options.onProgress(result);
    await database.drop();
    return { result, measureHttp: null };
  }
  const http = options.http;
  if (http === null) {
    await database.drop();
    return { result, measureHttp: null };
  }
  const measureHttp = async () => {
    try {
      options.log(`${name}: feed over HTTP (waiting for the web lock)`);
      const load = { durationSeconds: http.seconds, warmUpSeconds: http.warmUpSeconds };
      const measured = JSON.parse((await child("http", load, WEB_LOCK)).stdout) as HttpResult & { loadAverage: number };
      const feed = measured.procedures.feed;
      if (!feed) throw new Error("the HTTP run returned no feed result");
      result.http = {
        feed: {
          p50Ms: feed.latencyMs.p50,
          p99Ms: feed.latencyMs.p99,
          requestsPerSecond: feed.requestsPerSecond,
          non2xx: feed.non2xx,
          errors: feed.errors,
          serverCpuMsPerRequest: feed.serverCpuMsPerRequest,
        },
        webRssMb: { afterWarmUp: measured.server.rssMbAfterWarmUp, max: feed.rssMb.max },
        modelKind: measured.server.modelKind,
        connections: feed.connections,
        durationSeconds: feed.durationSeconds,
        warmUpSeconds: http.warmUpSeconds,
        loadAverage: measured.loadAverage,
      };
      options.log(
        `feed: p99 ${feed.latencyMs.p99} ms, ${feed.requestsPerSecond} req/s, web RSS max ${feed.rssMb.max} MB`,
      );
    } catch (error) {
      result.failed = { step: "http", message: (error as Error).message };
      options.log(`${name}: step http failed: ${(error as Error).message}`);
    } finally {
      options.onProgress(result);
      await database.drop();
    }
  };
  return { result, measureHttp };
}

async function train(
  worker: (args: string[]) => Promise<ChildMeasure>,
  databaseUrl: string,
  kind: string,
  config: Record<string, unknown>,
): Promise<Training> {
  const measured = await worker(["train", "--kind", kind, "--no-eval", "--config", JSON.stringify(config), "--quiet"]);
  const handle = createDb(databaseUrl);
  try {
    const version = await handle.db.modelVersion.findFirst({
      where: { kind },
      orderBy: { id: "desc" },
      select: { id: true, metrics: true, params: true, artifactSize: true },
    });
    if (!version) throw new Error(`train ${kind} stored no model version`);
    const fitSeconds = Number((version.metrics as { fitSeconds?: unknown }).fitSeconds);
    // Without validation (--no-eval) a model runs exactly its resolved number of epochs.
    const resolved = (version.params as { resolved?: { epochs?: unknown } } | null)?.resolved;
    const epochs = typeof resolved?.epochs === "number" ? resolved.epochs : null;
    return {
      kind,
      config,
      versionId: version.id,
      commandSeconds: measured.seconds,
      fitSeconds: round(fitSeconds),
      epochs,
      secondsPerEpoch: epochs === null ? null : round(fitSeconds / epochs),
      peakRssMb: measured.peakRssMb,
      artifactBytes: version.artifactSize,
    };
  } finally {
    await handle.sql.close();
    await handle.db.$disconnect();
  }
}

/** Fails when the importers stored fewer products, shoppers or events than the files hold (a rejected row). */
async function checkCounts(db: Db, counts: { products: number; shoppers: number; events: number }) {
  const stored = {
    products: await db.product.count(),
    shoppers: await db.user.count(),
    events: await db.interaction.count(),
  };
  for (const key of ["products", "shoppers", "events"] as const) {
    if (stored[key] !== counts[key]) throw new Error(`imported ${stored[key]} ${key}, the files hold ${counts[key]}`);
  }
}

async function databaseSizeMb(db: Db): Promise<number> {
  const rows = await db.$queryRaw<Array<{ bytes: bigint }>>`SELECT pg_database_size(current_database()) AS bytes`;
  return Math.round(Number(rows[0]?.bytes ?? Number.NaN) / 1048576);
}

function toThroughput(rows: number, measured: ChildMeasure): Throughput {
  return {
    rows,
    seconds: measured.seconds,
    rowsPerSecond: Math.round(rows / Math.max(measured.seconds, 0.01)),
    peakRssMb: measured.peakRssMb,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

// Child process of the `scale` benchmark (commands/scale.ts): one in-process measure on one tier's database, in a
// process of its own so the peak RSS GNU time reports is that measure's alone. argv: <measure> [<options as JSON>];
// env: DATABASE_URL of the tier database, JEWELGUIDE_DATA_DIR. Progress on stderr, the result as JSON on stdout.
import crypto from "node:crypto";
import os from "node:os";
import {
  createCaller,
  createContextInner,
  createMemoryCookieJar,
  createServerRuntime,
  deriveServerSecrets,
} from "@jewelguide/api";
import { createDb, createStaffUser } from "@jewelguide/db";
import { loadShopSecrets } from "@jewelguide/worker/simulate";
import { measureActiveModel } from "../serving/measure-scoring";
import { runHttpBenchmark } from "../serving/run-serving-benchmark";

const measure = process.argv[2] ?? "";
const options = JSON.parse(process.argv[3] ?? "{}") as {
  users?: number;
  durationSeconds?: number;
  warmUpSeconds?: number;
};
const databaseUrl = process.env.DATABASE_URL ?? "";
const dataDir = process.env.JEWELGUIDE_DATA_DIR ?? "";
const log = (text: string) => process.stderr.write(`[scale ${measure}] ${text}\n`);
const handle = createDb(databaseUrl);
try {
  const result = await run();
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await handle.sql.close();
  await handle.db.$disconnect();
}
// The runtime's model serving and job queue client keep timers; the measure is done.
process.exit(0);

async function run(): Promise<unknown> {
  if (measure === "scoring") {
    const scoring = await measureActiveModel(handle, options.users ?? 1000, 11);
    if (!scoring) throw new Error("scoring: the tier database has no active model version with an artifact");
    const rssMbWithModel = Math.round(process.memoryUsage().rss / 1048576);
    return { ...scoring, catalog: `synthetic tier (${scoring.items} items)`, rssMbWithModel };
  }
  if (measure === "dashboard") return timeDashboard();
  if (measure === "http") {
    const loadAverage = Number(os.loadavg()[0]?.toFixed(2));
    const http = await runHttpBenchmark({
      root: process.cwd(),
      databaseUrl,
      dataDir,
      db: handle.db,
      secrets: loadShopSecrets({ secret: process.env.JEWELGUIDE_SECRET, dataDir }),
      connections: 32,
      workers: 1,
      durationSeconds: options.durationSeconds ?? 15,
      warmUpSeconds: options.warmUpSeconds ?? 15,
      procedures: ["feed"],
      seed: 7,
      log,
      serverLog: { write: () => undefined },
    });
    return { ...http, loadAverage };
  }
  throw new Error(`scale-child: unknown measure "${measure}" (scoring, dashboard, http)`);
}

/**
 * Every query the dashboard page makes, through the tRPC router as a logged-in merchandiser would, against one
 * runtime: each three times in a row; the first (cold) and the median of all three recorded, in milliseconds.
 */
async function timeDashboard() {
  const password = crypto.randomBytes(16).toString("hex");
  const email = `scale-${crypto.randomBytes(4).toString("hex")}@bench.test`;
  await createStaffUser(handle.db, { email, role: "merchandiser", password });
  const runtime = createServerRuntime({
    database: handle,
    secrets: deriveServerSecrets(crypto.randomBytes(32).toString("hex")),
  });
  const cookies = createMemoryCookieJar();
  const caller = createCaller(createContextInner({ runtime, cookies }));
  await caller.staffAuth.login({ email, password });
  const queries: Record<string, () => Promise<unknown>> = {
    versions: () => caller.dashboard.versions(),
    onlineMetrics: () => caller.dashboard.onlineMetrics({}),
    catalogHealth: () => caller.dashboard.catalogHealth(),
    abTests: () => caller.dashboard.abTests(),
    offPolicy: () => caller.dashboard.offPolicy(),
    auditLog: () => caller.dashboard.auditLog({}),
  };
  const out: Record<string, { firstMs: number; medianMs: number }> = {};
  for (const [name, query] of Object.entries(queries)) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await query();
      times.push(Math.round((performance.now() - started) * 10) / 10);
    }
    out[name] = { firstMs: times[0] ?? 0, medianMs: [...times].sort((a, b) => a - b)[1] ?? 0 };
    log(`${name}: ${times.join(", ")} ms`);
  }
  return out;
}

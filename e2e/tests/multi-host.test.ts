import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { deriveServerSecrets, SHOPPER_COOKIE, STAFF_COOKIE } from "@jewelguide/api";
import { createTestDatabase, type TestDatabase, testPostgresServerUrl } from "@jewelguide/db/testing";
import { signShopperCookieAsServer } from "../src/abuse/shopper-cookie";
import { cookieValue, errorOf, resultData, trpcMutation, trpcQuery } from "../src/abuse/trpc-http";
import { freePort } from "../src/free-port";
import { repoRoot } from "../src/paths";
import { runWorkerCli } from "../src/prepare-dashboard";
import { startWebServer, type WebServer } from "../src/start-web-server";
import { expect, test } from "../src/test";

/**
 * Two web hosts and two workers on one PostgreSQL, as a shop that outgrew one machine runs them (docs/operations.md):
 * two serve.mjs servers on separate ports and data folders and two `worker serve` processes, sharing only the database
 * and the secret. A publish through one host is
 * served by both within the documented delay (each process checks the active version every 5 s); a shopper gets the
 * same A/B arm on either host; a rate limit counts attempts made on both hosts; a host killed and restarted loses
 * nothing a shopper did through it; a retrain an admin starts on one host runs once, on one of the workers, its progress
 * shows on the other host, and both serve the version it published.
 */

const postgresServerUrl = testPostgresServerUrl();
/** Each web process checks for a new active version every 5 s (packages/api serving-options); the load comes on top. */
const PUBLISH_VISIBLE_WITHIN_MS = 10_000;
const ADMIN_EMAIL = "admin@multi-host.test";
const SECRET = crypto.randomBytes(32).toString("base64url");
const shopperCookieKey = deriveServerSecrets(SECRET).shopperCookieKey;

let database: TestDatabase | undefined;
let workDir = "";
let adminPassword = "";
let versionIds = { itemknn: 0, popularity: 0, unscored: 0 };
const hosts: { name: string; port: number; dataDir: string; server?: WebServer }[] = [];
const workers: { process: ChildProcess; output: string }[] = [];

function hostEnv(dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: database?.url,
    JEWELGUIDE_DATA_DIR: dataDir,
    JEWELGUIDE_SECRET: SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    WEB_CONCURRENCY: "1",
  };
}

async function startHost(host: (typeof hosts)[number]): Promise<WebServer> {
  host.server = await startWebServer(host.port, hostEnv(host.dataDir), 120_000, "/readyz");
  return host.server;
}

/**
 * `npm run worker -- serve` in its own process group, with a short heartbeat (a lost worker's job would be retried
 * within seconds). Its output is kept for the failure message.
 */
function startWorker(env: NodeJS.ProcessEnv): void {
  const child = spawn(
    "bash",
    ["scripts/worker.sh", "serve", "--heartbeat-seconds", "10", "--supervise-seconds", "2", "--poll-seconds", "1"],
    { cwd: repoRoot, env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  const worker = { process: child, output: "" };
  const keep = (chunk: Buffer) => {
    worker.output = (worker.output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  workers.push(worker);
}

async function stopWorkers(): Promise<void> {
  await Promise.all(
    workers.map(async ({ process: child }) => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      await exited;
    }),
  );
}

/** Polls `check` every half second until it holds; on timeout the error carries both workers' latest output. */
async function untilWithWorkerOutput(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out; the workers said:\n${workers.map((worker) => worker.output).join("\n---\n")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function url(index: number): string {
  const server = hosts[index]?.server;
  if (!server) throw new Error(`host ${index} is not running`);
  return server.url;
}

function shopperHeaders(externalId: string): Record<string, string> {
  return { cookie: `${SHOPPER_COOKIE}=${signShopperCookieAsServer(externalId, shopperCookieKey)}` };
}

async function servedVersion(index: number): Promise<number | null> {
  const reply = await fetch(`${url(index)}/readyz`);
  const body = (await reply.json()) as { model?: { versionId?: number | null } };
  return body.model?.versionId ?? null;
}

async function logInStaff(index: number): Promise<string> {
  const reply = await trpcMutation(url(index), "staffAuth.login", { email: ADMIN_EMAIL, password: adminPassword });
  expect(reply.status).toBe(200);
  const session = cookieValue(reply, STAFF_COOKIE);
  if (!session) throw new Error("the log-in set no staff cookie");
  return `${STAFF_COOKIE}=${session}`;
}

async function feedVersion(index: number, shopper: string): Promise<number | null> {
  const feed = resultData<{ modelVersionId: number | null; items: unknown[] }>(
    await trpcQuery(url(index), "recommendations.feed", { k: 6 }, shopperHeaders(shopper)),
  );
  expect(feed.items.length).toBeGreaterThan(0);
  return feed.modelVersionId;
}

type JobRow = {
  id: string;
  kind: string;
  status: string;
  progress: number;
  stage: string;
  attempts: number;
  outcome: string;
  log: string;
};

test.describe("several web hosts on one PostgreSQL", () => {
  test.describe.configure({ mode: "serial" });
  test.skip(!postgresServerUrl, "needs JEWELGUIDE_TEST_POSTGRES_URL (npm test starts a throwaway PostgreSQL)");

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    database = await createTestDatabase({ postgresServerUrl });
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), "jewelguide-multi-host-"));
    const workerEnv = { ...hostEnv(path.join(workDir, "worker")), JEWELGUIDE_SHARED_DIR: sharedDir() };
    // The first 4,000 purchases of the REES46 store: enough for an item-kNN model, seconds to import.
    const sample = path.join(workDir, "rees46-sample.csv");
    const cut = spawnSync("bash", ["-c", `xz -dc "$0" | head -n 4001 > "$1"`, rees46File(), sample]);
    if (cut.status !== 0) throw new Error(`could not cut the REES46 sample: ${cut.stderr}`);
    runWorkerCli(["import", "rees46", "--file", sample, "--quiet"], workerEnv);
    runWorkerCli(["train", "--kind", "itemknn", "--publish", "--quiet"], workerEnv);
    runWorkerCli(["train", "--kind", "popularity", "--quiet"], workerEnv);
    // A version without offline metrics: with it active, the publish gates have nothing to compare a retrain against.
    runWorkerCli(["train", "--kind", "popularity", "--no-eval", "--quiet"], workerEnv);
    adminPassword = crypto.randomBytes(18).toString("base64url");
    runWorkerCli(["create-admin", "--email", ADMIN_EMAIL], workerEnv, `${adminPassword}\n`);
    const versions = await database.db.modelVersion.findMany({
      select: { id: true, kind: true },
      orderBy: { id: "asc" },
    });
    versionIds = {
      itemknn: versions.find((version) => version.kind === "itemknn")?.id ?? 0,
      popularity: versions.find((version) => version.kind === "popularity")?.id ?? 0,
      unscored: versions.findLast((version) => version.kind === "popularity")?.id ?? 0,
    };
    for (const name of ["a", "b"]) {
      const dataDir = path.join(workDir, `host-${name}`);
      fs.mkdirSync(dataDir, { recursive: true });
      hosts.push({ name, port: await freePort(), dataDir });
    }
    await Promise.all(hosts.map(startHost));
    for (const name of ["a", "b"]) startWorker(hostEnv(path.join(workDir, `worker-${name}`)));
  });

  test.afterAll(async () => {
    await stopWorkers();
    await Promise.all(hosts.map((host) => host.server?.stop()));
    await database?.drop();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  test("both hosts serve the active version; a publish through host A is served by both within the check delay", async () => {
    expect(await servedVersion(0)).toBe(versionIds.itemknn);
    expect(await servedVersion(1)).toBe(versionIds.itemknn);
    const staff = await logInStaff(0);
    const published = await trpcMutation(
      url(0),
      "dashboard.publish",
      { id: versionIds.popularity, force: true },
      { cookie: staff },
    );
    expect(published.status).toBe(200);
    const publishedAt = Date.now();
    for (const index of [0, 1]) {
      await expect.poll(() => servedVersion(index), { timeout: PUBLISH_VISIBLE_WITHIN_MS }).toBe(versionIds.popularity);
    }
    test
      .info()
      .annotations.push({ type: "publish visible on both hosts after", description: `${Date.now() - publishedAt} ms` });
    // Back to item-kNN through host B, with the session host A issued: staff sessions live in the database too.
    const back = await trpcMutation(
      url(1),
      "dashboard.publish",
      { id: versionIds.itemknn, force: true },
      { cookie: staff },
    );
    expect(back.status).toBe(200);
    for (const index of [0, 1]) {
      await expect.poll(() => servedVersion(index), { timeout: PUBLISH_VISIBLE_WITHIN_MS }).toBe(versionIds.itemknn);
    }
  });

  test("an A/B test started on host B puts each shopper in the same arm on both hosts", async () => {
    const staff = await logInStaff(1);
    const started = await trpcMutation(
      url(1),
      "dashboard.startAbTest",
      { name: "multi-host", versionAId: versionIds.itemknn, versionBId: versionIds.popularity, shareB: 0.5 },
      { cookie: staff },
    );
    expect(started.status).toBe(200);
    const shoppers = Array.from({ length: 24 }, (_, i) => `w_multihost${i}`);
    // Each process picks up a new A/B test at its next check: wait until both serve both arms.
    for (const index of [0, 1]) {
      await expect
        .poll(async () => new Set(await Promise.all(shoppers.map((s) => feedVersion(index, s)))).size, {
          timeout: PUBLISH_VISIBLE_WITHIN_MS,
        })
        .toBe(2);
    }
    for (const shopper of shoppers) {
      expect(await feedVersion(0, shopper), shopper).toBe(await feedVersion(1, shopper));
    }
  });

  test("a log-in rate limit counts the failures made on both hosts", async () => {
    const email = "nobody@multi-host.test";
    // Five free failures, alternating hosts; the sixth attempt at once must wait, on either host.
    for (let attempt = 0; attempt < 5; attempt++) {
      const reply = await trpcMutation(url(attempt % 2), "staffAuth.login", { email, password: `wrong-${attempt}` });
      expect(errorOf(reply).code).toBe("UNAUTHORIZED");
    }
    for (const index of [0, 1]) {
      const reply = await trpcMutation(url(index), "staffAuth.login", { email, password: "wrong-again" });
      expect(errorOf(reply).code).toBe("TOO_MANY_REQUESTS");
    }
  });

  test("host B killed and restarted loses nothing a shopper did through it; host A serves meanwhile", async () => {
    test.setTimeout(180_000);
    const shopper = "w_multihostkill";
    const product = await database?.db.product.findFirst({ where: { inStock: true }, select: { id: true } });
    if (!product) throw new Error("the sample shop has no product in stock");
    const logged = await trpcMutation(
      url(1),
      "events.log",
      {
        events: [
          { idempotencyKey: crypto.randomUUID(), type: "view", productId: product.id, surface: "product" },
          { idempotencyKey: crypto.randomUUID(), type: "favorite", productId: product.id, surface: "product" },
        ],
      },
      shopperHeaders(shopper),
    );
    expect(logged.status).toBe(200);
    const hostB = hosts[1] as (typeof hosts)[number];
    // SIGKILL of the whole host (primary and web process): nothing gets to shut down cleanly.
    process.kill(-(hostB.server as WebServer).pid, "SIGKILL");
    await (hostB.server as WebServer).exited;
    const favourites = async (index: number) =>
      resultData<{ id: number }[]>(
        await trpcQuery(url(index), "shopper.listItems", { list: "favorite" }, shopperHeaders(shopper)),
      ).map((item) => item.id);
    expect(await favourites(0)).toEqual([product.id]);
    await startHost(hostB);
    expect(await favourites(1)).toEqual([product.id]);
    expect(await servedVersion(1)).toBe(versionIds.itemknn);
    const stored = await database?.db.interaction.count({ where: { user: { externalId: shopper } } });
    expect(stored).toBe(2);
  });

  test("a retrain started on host A runs once, on one of the two workers; host B shows it, both serve its version", async () => {
    test.setTimeout(420_000);
    const staff = await logInStaff(0);
    // The active version has no offline metrics, so the retrain's publish cannot be refused by the recall gate.
    const unscored = await trpcMutation(
      url(0),
      "dashboard.publish",
      { id: versionIds.unscored, force: true },
      { cookie: staff },
    );
    expect(unscored.status).toBe(200);
    const started = await trpcMutation(url(0), "dashboard.startJob", { job: "retrain" }, { cookie: staff });
    expect(started.status).toBe(200);
    const jobId = resultData<{ id: string }>(started).id;
    const jobOn = async (index: number) =>
      resultData<{ queueAvailable: boolean; jobs: JobRow[] }>(
        await trpcQuery(url(index), "dashboard.jobs", undefined, { cookie: staff }),
      ).jobs.find((job) => job.id === jobId);
    // Host B shows the job running with its progress (the worker's fraction of the current stage), then done.
    await untilWithWorkerOutput(async () => {
      const job = await jobOn(1);
      return job?.status === "running" && job.progress > 0 && job.stage !== "";
    }, 180_000);
    await untilWithWorkerOutput(async () => (await jobOn(1))?.status === "done", 360_000);
    const done = (await jobOn(1)) as JobRow;
    expect(done).toMatchObject({ kind: "train", attempts: 1, progress: 1 });
    expect(done.outcome).toMatch(/^published version \d+/);
    // It ran on exactly one of the two workers.
    const ranOn = [...done.log.matchAll(/started on \S+ pid (\d+)/g)].map((match) => Number(match[1]));
    expect(ranOn).toHaveLength(1);
    expect(workers.map((worker) => worker.process.pid)).toContain(ranOn[0]);
    // One version carries the job's id, and both hosts serve it within the check delay.
    const made = await database?.db.modelVersion.findMany({ where: { jobId }, select: { id: true, status: true } });
    expect(made).toHaveLength(1);
    const versionId = made?.[0]?.id;
    for (const index of [0, 1]) {
      await expect.poll(() => servedVersion(index), { timeout: PUBLISH_VISIBLE_WITHIN_MS }).toBe(versionId);
    }
    expect(await jobOn(0)).toEqual(await jobOn(1));
  });
});

function sharedDir(): string {
  return process.env.JEWELGUIDE_SHARED_DIR ?? path.resolve(repoRoot, "../shared");
}

function rees46File(): string {
  return path.join(sharedDir(), "data/rees46-jewelry-purchases/jewelry_normalized.csv.xz");
}

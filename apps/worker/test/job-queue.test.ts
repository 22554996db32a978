import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openJobQueue } from "@jewelguide/api/jobs";
import type { Db } from "@jewelguide/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runScheduleCheck } from "../src/jobs/schedule-check";
import { defaultPublishingRun, trainAndPublish } from "../src/pipeline/train-and-publish";
import { createPostgresDatabase, POSTGRES_URL } from "./helpers/postgres-database";
import { seedPurchases } from "./helpers/seed-purchases";
import { createWorkspace, FIXTURES, type Workspace } from "./helpers/temp-workspace";

const WORKER_DIR = path.resolve(import.meta.dirname, "..");

/** Short settings so a lost worker is noticed in seconds: heartbeat 10 s (pg-boss's least), checks every 2 s. */
const FAST_SERVE = ["serve", "--heartbeat-seconds", "10", "--supervise-seconds", "2", "--poll-seconds", "1"];

type Worker = { child: ChildProcess; output(): string };

/** `worker serve` in a node process of its own (no tsx wrapper, so SIGKILL hits the process running the job). */
function startWorker(ws: Workspace, args: string[] = []): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", ...FAST_SERVE, ...args], {
    cwd: WORKER_DIR,
    env: { ...process.env, DATABASE_URL: ws.env.databaseUrl, JEWELGUIDE_DATA_DIR: ws.env.dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, output: () => output };
}

async function stopWorker(worker: Worker): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => worker.child.on("exit", () => resolve()));
  worker.child.kill("SIGTERM");
  await exited;
}

async function waitFor<T>(what: string, read: () => Promise<T | null>, timeoutMs: number, workers: Worker[] = []) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}\n${workers.map((w) => w.output()).join("\n---\n")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function jobs(db: Db) {
  return db.workerJob.findMany({ orderBy: { createdAt: "asc" } });
}

/**
 * Starts a worker (with `args`), queues a long joint train job and waits until that worker's fit is under way: the
 * moment the kill and stop cases interrupt it.
 */
async function startTrainOnFirstWorker(ws: Workspace, workers: Worker[], args: string[], config: string) {
  const first = startWorker(ws, args);
  workers.push(first);
  await waitFor("the first worker", async () => (first.output().includes("[serve]") ? true : null), 60_000, [first]);
  const queued = await ws.cli("enqueue", "--", "train", "--kind", "joint", "--config", config, "--publish");
  expect(queued.code, queued.stderr).toBe(0);
  const running = await waitFor(
    "the job's fit to start",
    async () => {
      const [row] = await jobs(ws.db);
      return row?.status === "running" && row.stage.includes("fit") ? row : null;
    },
    120_000,
    workers,
  );
  return { first, running };
}

if (POSTGRES_URL) {
  const serverUrl = POSTGRES_URL;
  describe("the job queue on PostgreSQL (pg-boss, worker serve)", () => {
    let ws: Workspace;
    let dropDatabase: () => Promise<void>;
    const workers: Worker[] = [];
    beforeEach(async () => {
      const database = await createPostgresDatabase(serverUrl);
      dropDatabase = database.drop;
      ws = await createWorkspace(database.url);
      await seedPurchases(ws.db, { products: 60, users: 80, perUser: 6 });
    });
    afterEach(async () => {
      await Promise.all(workers.splice(0).map(stopWorker));
      await ws.close();
      await dropDatabase();
    });

    it("two workers share a queue of jobs and run each exactly once", async () => {
      // Both workers are up before the jobs arrive, so neither can run them all before the other polls.
      workers.push(startWorker(ws), startWorker(ws));
      for (const worker of workers) {
        await waitFor("both workers", async () => (worker.output().includes("[serve]") ? true : null), 60_000, workers);
      }
      for (let i = 0; i < 6; i++) {
        const queued = await ws.cli("enqueue", "--", "train", "--kind", "ease", "--no-eval");
        expect(queued.code, queued.stderr).toBe(0);
        expect(queued.stdout).toMatch(/queued train job [0-9a-f-]{36}/);
      }
      const catalog = path.join(FIXTURES, "catalog.csv");
      const importing = await ws.cli("enqueue", "--", "import", "catalog", "--file", catalog);
      expect(importing.code, importing.stderr).toBe(0);
      const all = await waitFor(
        "seven jobs done",
        async () => {
          const rows = await jobs(ws.db);
          return rows.every((row) => row.status === "done") ? rows : null;
        },
        120_000,
        workers,
      );
      expect(all.map((row) => row.attempts)).toEqual([1, 1, 1, 1, 1, 1, 1]);
      // The import job ran `import catalog` itself: its products are stored, once.
      const [imported] = all.filter((row) => row.kind === "import");
      expect(imported?.outcome).toMatch(/rows imported: 4/);
      expect(imported?.log).toContain("products: 4 new");
      expect(await ws.db.product.count({ where: { sku: { in: ["R-001", "E-003"] } } })).toBe(2);
      const done = all.filter((row) => row.kind === "train");
      expect(done).toHaveLength(6);
      // Each job made exactly one version, recorded with the job's id.
      const versions = await ws.db.modelVersion.findMany({ select: { jobId: true } });
      expect(versions.map((v) => v.jobId).sort()).toEqual(done.map((row) => row.id).sort());
      // Both workers took jobs (each row's log names the process that ran it).
      const runners = new Set(all.map((row) => /started on (\S+ pid \d+)/.exec(row.log)?.[1]));
      expect(runners.size).toBe(2);
      expect(done.every((row) => row.outcome.startsWith("trained ease as candidate version"))).toBe(true);
      expect(done.every((row) => row.requestedRole === "operator" && row.progress === 1)).toBe(true);
    }, 180_000);

    it("a train job whose worker is SIGKILLed mid-way is retried by the other and makes one version", async () => {
      // Enough epochs, and no early stop, that the fit runs for many seconds on this small shop: the kill lands in it.
      // Running, with the fit under way (progress recorded), on the first worker.
      const config = JSON.stringify({ epochs: 160, patience: 160 });
      const { first, running } = await startTrainOnFirstWorker(ws, workers, [], config);
      // Killed in the middle of the fit; the other worker starts now (and notices the lost heartbeat).
      first.child.kill("SIGKILL");
      expect(await ws.db.modelVersion.count()).toBe(0);
      const second = startWorker(ws);
      workers.push(second);
      const done = await waitFor(
        "the retried job to finish",
        async () => {
          const row = await ws.db.workerJob.findUnique({ where: { id: running.id } });
          return row?.status === "done" || row?.status === "failed" ? row : null;
        },
        180_000,
        workers,
      );
      expect(done.status, done.log).toBe("done");
      expect(done.attempts).toBe(2);
      expect(done.log).toMatch(/attempt 2 started on/);
      expect(done.outcome).toMatch(/^published version \d+/);
      const versions = await ws.db.modelVersion.findMany({ select: { id: true, jobId: true, status: true } });
      expect(versions).toHaveLength(1);
      expect(versions[0]).toMatchObject({ jobId: running.id, status: "active" });
      expect(second.output()).toContain(`[job ${running.id.slice(0, 8)} train]`);
    }, 360_000);

    it("a worker stopped with SIGTERM releases its running job to the other, which finishes it", async () => {
      // The fit (a validation fit, then the final one) must outlast the 1 s grace by far, also on a fast machine:
      // with 80 epochs it took ~6 s here and a CI run saw the version stored before the release.
      const config = JSON.stringify({ epochs: 320, patience: 320 });
      const { first, running } = await startTrainOnFirstWorker(ws, workers, ["--stop-seconds", "1"], config);
      const exited = new Promise<number | null>((resolve) => first.child.once("exit", (code) => resolve(code)));
      first.child.kill("SIGTERM");
      // It waits --stop-seconds, releases the job and exits at once, without finishing the training.
      expect(await exited).toBe(0);
      expect(first.output()).toContain("[serve] released 1 running job(s) to the other workers; exiting now");
      expect(await ws.db.modelVersion.count()).toBe(0);
      const second = startWorker(ws);
      workers.push(second);
      const done = await waitFor(
        "the released job to finish on the other worker",
        async () => {
          const row = await ws.db.workerJob.findUnique({ where: { id: running.id } });
          return row?.status === "done" || row?.status === "failed" ? row : null;
        },
        180_000,
        workers,
      );
      expect(done.status, done.log).toBe("done");
      expect(done.attempts).toBe(2);
      expect(done.log).toContain("released: its worker was stopped before it finished");
      const versions = await ws.db.modelVersion.findMany({ select: { jobId: true, status: true } });
      expect(versions).toEqual([{ jobId: running.id, status: "active" }]);
    }, 360_000);

    it("a retrain schedule with two workers runs once per period", async () => {
      workers.push(startWorker(ws), startWorker(ws));
      const stored = await ws.cli("schedule", "--every-minutes", "1", "--kind", "popularity");
      expect(stored.code, stored.stderr).toBe(0);
      const scheduled = await waitFor(
        "two scheduled retrains",
        async () => {
          const rows = (await jobs(ws.db)).filter((row) => row.requestedRole === "schedule");
          return rows.length >= 2 && rows.every((row) => row.status === "done") ? rows : null;
        },
        240_000,
        workers,
      );
      // One per minute at most, however many workers check it.
      for (let i = 1; i < scheduled.length; i++) {
        const gap = (scheduled[i]?.createdAt.getTime() ?? 0) - (scheduled[i - 1]?.createdAt.getTime() ?? 0);
        expect(gap).toBeGreaterThanOrEqual(50_000);
      }
      const versions = await ws.db.modelVersion.count();
      expect(versions).toBe(scheduled.length);
      const off = await ws.cli("schedule", "--off");
      expect(off.code, off.stderr).toBe(0);
    }, 300_000);

    it("a schedule check queues a retrain when due, never while the previous one is queued or running", async () => {
      const boss = await openJobQueue(ws.env.databaseUrl, { kind: "client" }, () => undefined);
      try {
        const schedule = { everyMinutes: null, afterEvents: 10, model: "popularity" };
        const first = await runScheduleCheck(ws.db, boss, schedule);
        expect(first).toMatch(/^queued retrain job .* \(480 new events\)$/);
        const [queued] = await jobs(ws.db);
        expect(queued).toMatchObject({ kind: "train", status: "queued", requestedBy: "schedule" });
        expect(queued?.payload).toEqual({
          kind: "train",
          model: "popularity",
          publish: true,
          evaluate: true,
          storedFeatures: true,
        });
        expect(await runScheduleCheck(ws.db, boss, schedule)).toMatch(/previous scheduled retrain .* is queued/);
        await ws.db.workerJob.update({ where: { id: queued?.id }, data: { status: "done" } });
        // Events stored after that retrain was queued count; fewer than 10 are not enough.
        const user = await ws.db.user.findFirstOrThrow();
        const products = await ws.db.product.findMany({ take: 10, select: { id: true } });
        const addEvents = (from: number, count: number) =>
          ws.db.interaction.createMany({
            data: products.slice(from, from + count).map((product, i) => ({
              userId: user.id,
              productId: product.id,
              type: "view",
              occurredAt: new Date(),
              source: "test",
              idempotencyKey: `later-${from + i}`,
            })),
          });
        await addEvents(0, 9);
        expect(await runScheduleCheck(ws.db, boss, schedule)).toBe("not due (9 new events)");
        await addEvents(9, 1);
        expect(await runScheduleCheck(ws.db, boss, schedule)).toMatch(/^queued retrain job .* \(10 new events\)$/);
        expect(await ws.db.workerJob.count({ where: { requestedRole: "schedule" } })).toBe(2);
        await expect(runScheduleCheck(ws.db, boss, { everyMinutes: null, afterEvents: null })).rejects.toThrow(
          /needs everyMinutes or afterEvents/,
        );
      } finally {
        await boss.stop({ graceful: false });
      }
    });

    it("serve and enqueue refuse bad settings with a clear message", async () => {
      const concurrency = await ws.cli("serve", "--concurrency", "0");
      expect(concurrency.code).toBe(2);
      expect(concurrency.stderr).toContain("--concurrency must be a positive integer");
      const heartbeat = await ws.cli("serve", "--heartbeat-seconds", "5");
      expect(heartbeat.stderr).toContain("--heartbeat-seconds must be at least 10");
      const badFlag = await ws.cli("enqueue", "--", "train", "--kind", "nonsense");
      expect(badFlag.code).toBe(2);
      const unknown = await ws.cli("enqueue", "--", "train", "--bogus");
      expect(unknown.stderr).toContain("train: Unknown option '--bogus'");
      expect(await ws.db.workerJob.count()).toBe(0);
    });
  });
} else {
  describe("the job queue on PostgreSQL", () => {
    it.skip("skipped: set JEWELGUIDE_TEST_POSTGRES_URL=postgresql://user@host/postgres to run them", () => undefined);
  });
}

describe("the job queue on SQLite", () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await createWorkspace();
  });
  afterEach(async () => {
    await ws.close();
  });

  it("a retried train job publishes the version its first attempt stored instead of training another", async () => {
    await seedPurchases(ws.db, { products: 30, users: 40, perUser: 5 });
    const io = { stdout: { write: () => undefined }, stderr: { write: () => undefined } };
    const run = { ...defaultPublishingRun(ws.env.databaseUrl, "popularity", true), publish: false, jobId: "job-1" };
    // First attempt: stored its version, then its worker died before publishing or marking the job done.
    expect(await trainAndPublish(run, io)).toBe(true);
    let printed = "";
    const retry = await trainAndPublish(
      { ...run, publish: true },
      {
        stdout: {
          write: (text) => {
            printed += text;
          },
        },
        stderr: io.stderr,
      },
    );
    expect(retry).toBe(true);
    expect(printed).toMatch(/job job-1 already stored version (\d+): not training again/);
    const versions = await ws.db.modelVersion.findMany({ select: { jobId: true, status: true } });
    expect(versions).toEqual([{ jobId: "job-1", status: "active" }]);
    // The database itself refuses a second version for the job (two overlapping attempts).
    await expect(ws.db.modelVersion.create({ data: { kind: "popularity", jobId: "job-1" } })).rejects.toMatchObject({
      code: "P2002",
    });
  });

  it("an import retried after its worker died mid-way ends with exactly the rows of one clean import", async () => {
    const events = fs.readFileSync(path.join(FIXTURES, "events.csv"), "utf8").split("\n");
    const firstPart = ws.write("events-first-part.csv", `${events.slice(0, 4).join("\n")}\n`);
    const catalog = path.join(FIXTURES, "catalog.csv");
    const eventsFile = path.join(FIXTURES, "events.csv");
    expect((await ws.cli("import", "catalog", "--file", catalog, "--quiet")).code).toBe(0);
    // The killed attempt had committed its first batches (the file's first rows); the retry imports the whole file.
    expect((await ws.cli("import", "events", "--file", firstPart, "--quiet")).code).toBe(0);
    const retry = await ws.cli("import", "events", "--file", eventsFile, "--quiet");
    expect(retry.code).toBe(0);
    expect(retry.stdout).toContain("3 already stored");
    const clean = await createWorkspace();
    try {
      await clean.cli("import", "catalog", "--file", catalog, "--quiet");
      await clean.cli("import", "events", "--file", eventsFile, "--quiet");
      const rows = (db: Db) =>
        db.interaction.findMany({
          select: { idempotencyKey: true, type: true, occurredAt: true, price: true, quantity: true },
          orderBy: { idempotencyKey: "asc" },
        });
      expect(await rows(ws.db)).toEqual(await rows(clean.db));
      expect(await ws.db.user.count()).toBe(await clean.db.user.count());
    } finally {
      await clean.close();
    }
  });

  it("serve and enqueue say that the queue needs PostgreSQL", async () => {
    const serve = await ws.cli("serve");
    expect(serve.code).toBe(2);
    expect(serve.stderr).toContain("serve needs PostgreSQL");
    const enqueue = await ws.cli("enqueue", "--", "train");
    expect(enqueue.code).toBe(2);
    expect(enqueue.stderr).toContain("the job queue needs PostgreSQL");
  });
});

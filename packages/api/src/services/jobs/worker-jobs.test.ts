import { createStaffUser } from "@jewelguide/db";
import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { afterAll, beforeAll, describe, expect, it as vitestIt } from "vitest";
import { createContextInner } from "../../context";
import { jobQueueName } from "../../jobs/job-queue-settings";
import { createCaller } from "../../root";
import type { ServerRuntime } from "../../runtime/create-server-runtime";
import { createTestRuntime } from "../../test/create-test-runtime";
import { testDialects } from "../../test/test-dialects";
import { type CookieJar, createMemoryCookieJar } from "../auth/cookie-jar";

const PASSWORD = "a long enough password";

/**
 * The dashboard's jobs panel: staff see the jobs, only admins start them (checked on the server, recorded in the audit
 * log with the job's row); on SQLite there is no queue and starting one says what is needed.
 */
describe.each(testDialects)("worker jobs on the dashboard, $name", ({ name, server, skip }) => {
  const it = vitestIt.skipIf(skip);
  let database: TestDatabase;
  let runtime: ServerRuntime;
  const caller = (cookies: CookieJar = createMemoryCookieJar()) =>
    createCaller(createContextInner({ runtime, cookies }));
  const logIn = async (email: string) => {
    const jar = createMemoryCookieJar();
    await caller(jar).staffAuth.login({ email, password: PASSWORD });
    return jar;
  };

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase({ postgresServerUrl: server });
    runtime = createTestRuntime(database);
    await createStaffUser(database.db, { email: "admin@shop.test", role: "admin", password: PASSWORD });
    await createStaffUser(database.db, { email: "merch@shop.test", role: "merchandiser", password: PASSWORD });
  });

  afterAll(async () => {
    await runtime?.jobs.close();
    await database?.drop();
  });

  it("refuses anonymous callers and merchandisers a start, queues nothing and records nothing", async () => {
    await expect(caller().dashboard.jobs()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller().dashboard.startJob({ job: "retrain" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const merch = await logIn("merch@shop.test");
    await expect(caller(merch).dashboard.startJob({ job: "retrain" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller(merch).dashboard.startJob({ job: "featurize-new" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // Input naming another job, or smuggling a request, is refused before anything happens.
    const admin = await logIn("admin@shop.test");
    await expect(
      caller(admin).dashboard.startJob({ job: "publish" } as unknown as { job: "retrain" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller(admin).dashboard.startJob({ job: "retrain", request: { kind: "publish", version: 1, force: true } } as {
        job: "retrain";
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await database.db.workerJob.count()).toBe(0);
    expect(await database.db.auditLog.count({ where: { action: "job-start" } })).toBe(0);
    // Merchandisers do see the panel.
    const view = await caller(merch).dashboard.jobs();
    expect(view).toEqual({ queueAvailable: name === "postgresql", jobs: [] });
  });

  it("lets an admin start retrain and featurize, each queued once with its audit entry", async () => {
    const admin = await logIn("admin@shop.test");
    if (!runtime.jobs.available) {
      await expect(caller(admin).dashboard.startJob({ job: "retrain" })).rejects.toMatchObject({
        code: "PRECONDITION_FAILED",
        message: expect.stringContaining("which this shop's embedded database cannot host"),
      });
      expect(await database.db.workerJob.count()).toBe(0);
      return;
    }
    const retrain = await caller(admin).dashboard.startJob({ job: "retrain" });
    const featurize = await caller(admin).dashboard.startJob({ job: "featurize-new" });
    const view = await caller(await logIn("merch@shop.test")).dashboard.jobs();
    expect(view.jobs.map((job) => [job.id, job.kind, job.status, job.requestedBy, job.requestedRole])).toEqual([
      [featurize.id, "featurize", "queued", "admin@shop.test", "admin"],
      [retrain.id, "train", "queued", "admin@shop.test", "admin"],
    ]);
    const rows = await database.db.workerJob.findMany({ orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => row.payload)).toEqual([
      { kind: "train", publish: true, evaluate: true, storedFeatures: true },
      { kind: "featurize", force: false },
    ]);
    const audit = await database.db.auditLog.findMany({ where: { action: "job-start" }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => [entry.actor, entry.actorRole, entry.details])).toEqual([
      ["admin@shop.test", "admin", { jobId: retrain.id, job: "train" }],
      ["admin@shop.test", "admin", { jobId: featurize.id, job: "featurize" }],
    ]);
    // The jobs are on pg-boss's queues under the same ids, waiting for a worker.
    const boss = await runtime.jobs.queue();
    const [queued] = await boss.findJobs(jobQueueName("train"), { id: retrain.id });
    expect(queued).toMatchObject({ state: "created", data: { request: { kind: "train", publish: true } } });
  });
});

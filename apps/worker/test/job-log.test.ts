import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobLog } from "../src/jobs/job-log";

/**
 * A running job's log as the dashboard reads it from the job's row: written at most once per interval, and — once the
 * job is released to another worker while its command still runs here — never again, so the command's later lines
 * cannot overwrite the release that the retry continues from.
 */
describe("job log", () => {
  let database: TestDatabase;
  const jobId = "job-log-test";
  const rowLog = async () =>
    (await database.db.workerJob.findUniqueOrThrow({ where: { id: jobId }, select: { log: true } })).log;

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.workerJob.create({
      data: { id: jobId, kind: "train", requestedBy: "test", requestedRole: "operator", status: "running" },
    });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("persists lines on close, and after a release persists nothing of what the command still writes", async () => {
    const mirrored: string[] = [];
    const log = createJobLog({
      db: database.db,
      jobId,
      initial: "attempt 1 started\n",
      mirror: { write: (text) => void mirrored.push(text) },
      prefix: "[job]",
      everyMs: 5,
      onWriteError: (error) => {
        throw error;
      },
    });
    log.write("epoch 1\n");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await rowLog()).toBe("attempt 1 started\nepoch 1\n");
    log.write("epoch 2\n");
    const released = await log.release("released: stopping");
    expect(released).toBe("attempt 1 started\nepoch 1\nepoch 2\nreleased: stopping\n");
    await database.db.workerJob.update({ where: { id: jobId }, data: { log: released } });
    // The command is still running in this process: its lines are mirrored but no longer reach the row.
    log.write("epoch 3\n");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await log.close();
    expect(await rowLog()).toBe(released);
    expect(mirrored.join("")).toContain("[job] epoch 3");
  });
});

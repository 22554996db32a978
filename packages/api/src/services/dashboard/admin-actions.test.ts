import { type AuditActor, type Db, publishModelVersion, saveCandidateVersion } from "@jewelguide/db";
import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it as vitestIt } from "vitest";
import { testDialects } from "../../test/test-dialects";
import { publishVersion } from "./publish-version";
import { rollbackVersion } from "./rollback-version";
import { startAbTest } from "./start-ab-test";
import { stopAbTest } from "./stop-ab-test";

const admin: AuditActor = { name: "admin@shop.test", role: "admin" };

async function saveVersion(db: Db, recall: number) {
  const version = await saveCandidateVersion(db, {
    kind: "ease",
    params: {},
    metrics: { validation: { "recall@20": recall } },
    dataSnapshot: {},
    artifact: new Uint8Array([1]),
  });
  return version.id;
}

/** The admin actions' guarantees, straight on the services: one running test, all-or-nothing stop, audit rows. */
describe.each(testDialects)("admin actions on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  let database: TestDatabase;
  let good: number;
  let weak: number;

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase({ postgresServerUrl: server });
  });

  beforeEach(async () => {
    if (skip) return;
    await database.db.auditLog.deleteMany();
    await database.db.abTest.deleteMany();
    await database.db.modelVersion.deleteMany();
    good = await saveVersion(database.db, 0.3);
    weak = await saveVersion(database.db, 0.1);
    await publishModelVersion(database.db, good);
  });

  afterAll(async () => {
    await database?.drop();
  });

  const activeId = async () =>
    (await database.db.modelVersion.findMany({ where: { status: "active" }, select: { id: true } })).map((v) => v.id);

  it("lets exactly one of two concurrent starts run (the database's unique index), the other is CONFLICT", async () => {
    const start = (name: string) =>
      startAbTest(database.db, { name, versionAId: good, versionBId: weak, shareB: 0.5 }, admin);
    const results = await Promise.allSettled([start("first"), start("second"), start("third")]);
    const started = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(started).toHaveLength(1);
    const winner = started[0];
    for (const result of results) {
      if (result.status === "rejected") {
        expect(result.reason).toMatchObject({
          code: "CONFLICT",
          message: `an A/B test is already running: #${winner?.id} ${winner?.name}`,
        });
      }
    }
    expect(await database.db.abTest.count({ where: { status: "running" } })).toBe(1);
    const audit = await database.db.auditLog.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "ab-test-start", actor: admin.name, actorRole: "admin" });
    expect(audit[0]?.details).toMatchObject({ testId: winner?.id, versionAId: good, versionBId: weak });
  });

  it("stop + promote is one transaction: a promote that fails the gates leaves the test running", async () => {
    const test = await startAbTest(database.db, { name: "t", versionAId: good, versionBId: weak, shareB: 0.5 }, admin);
    await expect(stopAbTest(database.db, { id: test.id, promote: "B", force: false }, admin)).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect((await database.db.abTest.findUniqueOrThrow({ where: { id: test.id } })).status).toBe("running");
    expect(await activeId()).toEqual([good]);
    expect(await database.db.auditLog.count({ where: { action: { not: "ab-test-start" } } })).toBe(0);
  });

  it("stop + promote is one transaction: a failure after the publish (the audit write) rolls the publish back", async () => {
    const test = await startAbTest(database.db, { name: "t", versionAId: good, versionBId: weak, shareB: 0.5 }, admin);
    const nobody: AuditActor = { name: " ", role: "admin" };
    await expect(stopAbTest(database.db, { id: test.id, promote: "B", force: true }, nobody)).rejects.toThrow(
      /audit actor/,
    );
    expect((await database.db.abTest.findUniqueOrThrow({ where: { id: test.id } })).status).toBe("running");
    expect(await activeId()).toEqual([good]);
  });

  it("records stop, forced promote, publish and rollback with from → to", async () => {
    const first = await startAbTest(
      database.db,
      { name: "one", versionAId: good, versionBId: weak, shareB: 0.2 },
      admin,
    );
    await stopAbTest(database.db, { id: first.id, promote: null, force: false }, admin);
    await expect(stopAbTest(database.db, { id: first.id, promote: null, force: false }, admin)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(stopAbTest(database.db, { id: 99_999, promote: "A", force: false }, admin)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const second = await startAbTest(
      database.db,
      { name: "two", versionAId: good, versionBId: weak, shareB: 0.2 },
      admin,
    );
    expect(await stopAbTest(database.db, { id: second.id, promote: "B", force: true }, admin)).toMatchObject({
      status: "stopped",
      winnerVersionId: weak,
    });
    expect(await activeId()).toEqual([weak]);
    await rollbackVersion(database.db, {}, admin);
    expect(await activeId()).toEqual([good]);
    await expect(rollbackVersion(database.db, { to: weak }, admin)).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining(`version ${weak} not published: gates failed: validation recall@20`),
    });
    await expect(publishVersion(database.db, { id: weak }, admin)).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await publishVersion(database.db, { id: weak, force: true }, admin);
    await rollbackVersion(database.db, { to: good }, admin);
    const rows = await database.db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.action, row.fromVersionId, row.toVersionId, row.forced])).toEqual([
      ["ab-test-start", null, null, false],
      ["ab-test-stop", null, null, false],
      ["ab-test-start", null, null, false],
      ["ab-test-promote", good, weak, true],
      ["rollback", weak, good, false],
      ["publish", good, weak, true],
      ["rollback", weak, good, false],
    ]);
    expect(rows[1]?.details).toMatchObject({ testId: first.id, name: "one", promotedArm: null });
    expect(rows[3]?.details).toMatchObject({ testId: second.id, promotedArm: "B" });
    expect(rows.every((row) => row.actor === admin.name && row.actorRole === "admin")).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { createTestDatabase, testPostgresServerUrl } from "../testing";
import { findRollbackTarget } from "./find-rollback-target";
import { getActiveModelVersion } from "./get-active-model-version";
import { publishWithGates } from "./publish-with-gates";
import { saveCandidateVersion } from "./save-candidate-version";

const server = testPostgresServerUrl();
const actor = { name: "ops@shop.example", role: "admin" } as const;

describe.each([
  { name: "sqlite", server: undefined },
  { name: "postgresql", server },
])("publishWithGates and rollback on $name", ({ name, server }) => {
  it.skipIf(name === "postgresql" && !server)("gates, force, and the previous version as rollback target", async () => {
    const test = await createTestDatabase({ postgresServerUrl: server });
    try {
      const save = (recall: number) =>
        saveCandidateVersion(test.db, {
          kind: "ease",
          params: {},
          metrics: { validation: { "recall@20": recall } },
          dataSnapshot: {},
          artifact: new Uint8Array([1]),
        });
      const first = await save(0.3);
      const worse = await save(0.2);
      const better = await save(0.31);
      expect(await findRollbackTarget(test.db)).toBeNull();
      expect(await publishWithGates(test.db, first.id, { actor })).toMatchObject({
        published: true,
        activated: first.id,
      });
      const refused = await publishWithGates(test.db, worse.id, { actor });
      expect(refused.published).toBe(false);
      expect((await getActiveModelVersion(test.db))?.id).toBe(first.id);
      expect(await publishWithGates(test.db, better.id, { actor })).toMatchObject({
        published: true,
        retired: first.id,
      });
      expect(await findRollbackTarget(test.db)).toMatchObject({ id: first.id });
      expect(await publishWithGates(test.db, worse.id, { force: true, actor })).toMatchObject({
        published: true,
        forced: true,
        retired: better.id,
      });
      expect(await findRollbackTarget(test.db)).toMatchObject({ id: better.id });
      expect(await test.db.modelVersion.count({ where: { status: "active" } })).toBe(1);
      // One audit row per change, none for the refused publish; the forced one says so and keeps the failures.
      const audit = await test.db.auditLog.findMany({ orderBy: { id: "asc" } });
      expect(audit.map((row) => [row.action, row.fromVersionId, row.toVersionId, row.forced])).toEqual([
        ["publish", null, first.id, false],
        ["publish", first.id, better.id, false],
        ["publish", better.id, worse.id, true],
      ]);
      expect(audit.every((row) => row.actor === actor.name && row.actorRole === "admin")).toBe(true);
      expect(audit[2]?.details).toMatchObject({ overriddenGates: [expect.stringMatching(/recall@20/)] });
      // Publishing the active version again changes and records nothing.
      expect(await publishWithGates(test.db, worse.id, { force: true, actor })).toMatchObject({ changed: false });
      expect(await test.db.auditLog.count()).toBe(3);
    } finally {
      await test.drop();
    }
  });
});

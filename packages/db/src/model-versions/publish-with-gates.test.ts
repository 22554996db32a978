import { describe, expect, it } from "vitest";
import { createTestDatabase, testPostgresServerUrl } from "../testing";
import { findRollbackTarget } from "./find-rollback-target";
import { getActiveModelVersion } from "./get-active-model-version";
import { publishWithGates } from "./publish-with-gates";
import { saveCandidateVersion } from "./save-candidate-version";

const server = testPostgresServerUrl();

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
      expect(await publishWithGates(test.db, first.id)).toMatchObject({ published: true, activated: first.id });
      const refused = await publishWithGates(test.db, worse.id);
      expect(refused.published).toBe(false);
      expect((await getActiveModelVersion(test.db))?.id).toBe(first.id);
      expect(await publishWithGates(test.db, better.id)).toMatchObject({ published: true, retired: first.id });
      expect(await findRollbackTarget(test.db)).toMatchObject({ id: first.id });
      expect(await publishWithGates(test.db, worse.id, { force: true })).toMatchObject({
        published: true,
        forced: true,
        retired: better.id,
      });
      expect(await findRollbackTarget(test.db)).toMatchObject({ id: better.id });
      expect(await test.db.modelVersion.count({ where: { status: "active" } })).toBe(1);
    } finally {
      await test.drop();
    }
  });
});

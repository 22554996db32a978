import { describe, expect, it } from "vitest";
import { createTestDatabase, testPostgresServerUrl } from "../testing";
import { getActiveModelVersion } from "./get-active-model-version";
import { publishWithGates } from "./publish-with-gates";
import { rollbackModelVersion } from "./rollback-model-version";
import { saveCandidateVersion } from "./save-candidate-version";

const server = testPostgresServerUrl();
const actor = { name: "worker:ops@build-1", role: "operator" } as const;

describe.each([
  { name: "sqlite", server: undefined },
  { name: "postgresql", server },
])("rollbackModelVersion on $name", ({ name, server }) => {
  it.skipIf(name === "postgresql" && !server)(
    "passes the publish gates (refuses a worse version without force, records a forced one) and audits",
    async () => {
      const test = await createTestDatabase({ postgresServerUrl: server });
      try {
        const save = (metrics: { validation: Record<string, number> }) =>
          saveCandidateVersion(test.db, {
            kind: "ease",
            params: {},
            metrics,
            dataSnapshot: {},
            artifact: new Uint8Array([1]),
          });
        const weak = await save({ validation: { "recall@20": 0.1 } });
        const good = await save({ validation: { "recall@20": 0.3 } });
        const better = await save({ validation: { "recall@20": 0.31 } });
        const broken = await save({ validation: { "recall@20": 0.4, "ndcg@20": Number.NaN } });
        await publishWithGates(test.db, weak.id, { actor, force: true });
        await publishWithGates(test.db, good.id, { actor });
        await publishWithGates(test.db, better.id, { actor });
        const before = await test.db.auditLog.count();

        // The default target (good, retired last) passes: 0.30 is within 0.02 of 0.31.
        expect(await rollbackModelVersion(test.db, { actor })).toMatchObject({
          published: true,
          target: good.id,
          activated: good.id,
          retired: better.id,
          forced: false,
        });

        // --to a version that fails the gates: refused, nothing changes, nothing recorded.
        const refused = await rollbackModelVersion(test.db, { to: weak.id, actor });
        expect(refused).toMatchObject({ published: false, target: weak.id });
        expect(refused.gates.failures.join("; ")).toMatch(/recall@20 0\.1000 is more than 0\.02 below/);
        expect((await getActiveModelVersion(test.db))?.id).toBe(good.id);
        expect(await rollbackModelVersion(test.db, { to: broken.id, actor })).toMatchObject({ published: false });
        expect(await test.db.auditLog.count()).toBe(before + 1);

        // Forced: published, and recorded as forced with the failures it overrode.
        expect(await rollbackModelVersion(test.db, { to: weak.id, force: true, actor })).toMatchObject({
          published: true,
          forced: true,
        });
        expect((await getActiveModelVersion(test.db))?.id).toBe(weak.id);
        const entries = await test.db.auditLog.findMany({ where: { action: "rollback" }, orderBy: { id: "asc" } });
        expect(entries.map((row) => [row.fromVersionId, row.toVersionId, row.forced, row.actor])).toEqual([
          [better.id, good.id, false, actor.name],
          [good.id, weak.id, true, actor.name],
        ]);
        expect(entries[1]?.details).toMatchObject({ overriddenGates: [expect.stringMatching(/recall@20/)] });
      } finally {
        await test.drop();
      }
    },
  );

  it.skipIf(name === "postgresql" && !server)("says so when there is nothing to roll back to", async () => {
    const test = await createTestDatabase({ postgresServerUrl: server });
    try {
      await expect(rollbackModelVersion(test.db, { actor })).rejects.toThrow(/no earlier active version/);
      expect(await test.db.auditLog.count()).toBe(0);
    } finally {
      await test.drop();
    }
  });
});

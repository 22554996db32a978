import { describe, expect, it } from "vitest";
import { createTestDatabase, testPostgresServerUrl } from "../testing";
import { getActiveModelVersion } from "./get-active-model-version";
import { publishModelVersion } from "./publish-model-version";
import { saveCandidateVersion } from "./save-candidate-version";

const server = testPostgresServerUrl();

describe.each([
  { name: "sqlite", server: undefined },
  { name: "postgresql", server },
])("model versions on $name", ({ name, server }) => {
  it.skipIf(name === "postgresql" && !server)(
    "publish keeps exactly one active version; rollback re-activates",
    async () => {
      const test = await createTestDatabase({ postgresServerUrl: server });
      try {
        const candidate = (kind: string) =>
          saveCandidateVersion(test.db, {
            kind,
            params: {},
            metrics: { "recall@20": 0.1 },
            dataSnapshot: {},
            artifact: new Uint8Array([1, 2, 3]),
          });
        const first = await candidate("popularity");
        const second = await candidate("ease");
        expect(await getActiveModelVersion(test.db)).toBeNull();
        await publishModelVersion(test.db, first.id);
        expect((await getActiveModelVersion(test.db))?.id).toBe(first.id);
        expect(await publishModelVersion(test.db, second.id)).toEqual({ activated: second.id, retired: first.id });
        expect(await test.db.modelVersion.count({ where: { status: "active" } })).toBe(1);
        const active = await getActiveModelVersion(test.db);
        expect(active?.kind).toBe("ease");
        expect([...(active?.artifact ?? [])]).toEqual([1, 2, 3]);
        await publishModelVersion(test.db, first.id);
        expect((await getActiveModelVersion(test.db))?.id).toBe(first.id);
        expect(await test.db.modelVersion.count({ where: { status: "active" } })).toBe(1);
        await expect(publishModelVersion(test.db, 999)).rejects.toThrow(/model version 999 does not exist/);
      } finally {
        await test.drop();
      }
    },
  );
});

import { describe, expect, it } from "vitest";
import { createTestDatabase, testPostgresServerUrl } from "../testing";
import { saveCandidateVersion } from "./save-candidate-version";

const server = testPostgresServerUrl();

describe.each([
  { name: "sqlite", server: undefined },
  { name: "postgresql", server },
])("the ModelVersion_one_active index on $name", ({ name, server }) => {
  it.skipIf(name === "postgresql" && !server)("refuses a second active version at the database level", async () => {
    const test = await createTestDatabase({ postgresServerUrl: server });
    try {
      const save = () =>
        saveCandidateVersion(test.db, {
          kind: "popularity",
          params: {},
          metrics: {},
          dataSnapshot: {},
          artifact: new Uint8Array([1]),
        });
      const first = await save();
      const second = await save();
      await test.db.modelVersion.update({ where: { id: first.id }, data: { status: "active" } });
      await expect(
        test.db.modelVersion.update({ where: { id: second.id }, data: { status: "active" } }),
      ).rejects.toThrow();
      expect(await test.db.modelVersion.count({ where: { status: "active" } })).toBe(1);
      await test.db.modelVersion.update({ where: { id: second.id }, data: { status: "retired" } });
      expect(await test.db.modelVersion.count({ where: { status: "retired" } })).toBe(1);
    } finally {
      await test.drop();
    }
  });
});

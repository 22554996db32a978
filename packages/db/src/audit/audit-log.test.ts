import { describe, expect, it } from "vitest";
import { saveCandidateVersion } from "../model-versions/save-candidate-version";
import { createTestDatabase, testPostgresServerUrl } from "../testing";
import { listAuditEntries } from "./list-audit-entries";
import { recordAuditEntry } from "./record-audit-entry";

const server = testPostgresServerUrl();

describe.each([
  { name: "sqlite", server: undefined },
  { name: "postgresql", server },
])("audit log on $name", ({ name, server }) => {
  it.skipIf(name === "postgresql" && !server)(
    "is written in the change's transaction: a refused entry rolls the change back",
    async () => {
      const test = await createTestDatabase({ postgresServerUrl: server });
      try {
        const version = await saveCandidateVersion(test.db, {
          kind: "ease",
          params: {},
          metrics: {},
          dataSnapshot: {},
          artifact: new Uint8Array([1]),
        });
        await expect(
          test.db.$transaction(async (tx) => {
            await tx.modelVersion.update({ where: { id: version.id }, data: { status: "active" } });
            await recordAuditEntry(tx, { name: "   ", role: "admin" }, { action: "publish", toVersionId: version.id });
          }),
        ).rejects.toThrow(/audit actor must be 1 to 320 characters/);
        expect((await test.db.modelVersion.findUniqueOrThrow({ where: { id: version.id } })).status).toBe("candidate");
        expect(await test.db.auditLog.count()).toBe(0);

        for (let i = 1; i <= 3; i++) {
          await test.db.$transaction((tx) =>
            recordAuditEntry(
              tx,
              { name: `admin${i}@shop.example`, role: "admin" },
              { action: "ab-test-start", details: { testId: i, name: `t${i}` } },
            ),
          );
        }
        const latest = await listAuditEntries(test.db, { limit: 2 });
        expect(latest.map((entry) => entry.actor)).toEqual(["admin3@shop.example", "admin2@shop.example"]);
        expect(latest[0]).toMatchObject({
          action: "ab-test-start",
          actorRole: "admin",
          forced: false,
          fromVersionId: null,
          toVersionId: null,
          details: { testId: 3, name: "t3" },
        });
        expect(latest[0]?.at).toBeInstanceOf(Date);
        await expect(listAuditEntries(test.db, { limit: 0 })).rejects.toThrow(/from 1 to 1000 \(got 0\)/);
      } finally {
        await test.drop();
      }
    },
  );
});

import { describe, expect, it } from "vitest";
import { createTestDatabase, testPostgresServerUrl } from "../testing";
import { activateVersion } from "./activate-version";
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

  it.skipIf(name === "postgresql" && !server)(
    "activating reads no artifact back: every model-version query it makes selects columns without it",
    async () => {
      // A large catalog's artifact is tens of MB: an update returning the whole row read it twice inside the
      // transaction, past Prisma's 5 s (BENCHMARKS.md, "Scale"). Spy on the transaction's modelVersion delegate.
      const test = await createTestDatabase({ postgresServerUrl: server });
      try {
        const candidate = () =>
          saveCandidateVersion(test.db, {
            kind: "joint",
            params: {},
            metrics: {},
            dataSnapshot: {},
            artifact: new Uint8Array([1, 2, 3]),
          });
        const first = await candidate();
        const second = await candidate();
        await publishModelVersion(test.db, first.id);
        const calls: Array<{ method: string; select: unknown }> = [];
        await test.db.$transaction(async (tx) => {
          const delegate = tx.modelVersion;
          const spied = new Proxy(delegate, {
            get(target, method: string) {
              const original = Reflect.get(target, method) as (args: { select?: unknown }) => Promise<unknown>;
              return (args: { select?: unknown }) => {
                calls.push({ method, select: args?.select });
                return original.call(target, args);
              };
            },
          });
          const spiedTx = new Proxy(tx, {
            get: (target, property) => (property === "modelVersion" ? spied : Reflect.get(target, property)),
          });
          expect(await activateVersion(spiedTx, second.id)).toEqual({
            activated: second.id,
            retired: first.id,
            changed: true,
          });
        });
        expect(calls.map((call) => call.method)).toEqual(["findUnique", "findFirst", "update", "update"]);
        for (const call of calls) {
          expect(call.select, call.method).toBeTypeOf("object");
          expect(Object.keys(call.select as object), call.method).not.toContain("artifact");
        }
      } finally {
        await test.drop();
      }
    },
  );
});

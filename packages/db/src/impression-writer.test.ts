import { afterAll, beforeAll, describe, expect, it as vitestIt } from "vitest";
import { createImpressionWriter, type ImpressionRow, type ImpressionWriter } from "./impression-writer";
import { createTestDatabase, type TestDatabase, testPostgresServerUrl } from "./testing";

const postgresServer = testPostgresServerUrl();
const dialects = [
  { name: "sqlite", server: undefined, skip: false },
  { name: "postgresql", server: postgresServer, skip: postgresServer === undefined },
] as const;

describe.each(dialects)("impression writer on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  let database: TestDatabase;
  let writer: ImpressionWriter;

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase({ postgresServerUrl: server });
    writer = createImpressionWriter(database.target);
  });
  afterAll(async () => {
    await writer?.close();
    await database?.drop();
  });

  it("stores a batch as Prisma reads it back: exact doubles, booleans, nulls and the UTC time", async () => {
    const servedAt = new Date("2026-12-06T18:35:01.234Z");
    const row = (slot: number, propensity: number, exploratory: boolean): ImpressionRow => ({
      requestId: "req-1",
      shopperId: slot === 0 ? null : "w_shopper",
      productId: 10 + slot,
      slot,
      modelVersionId: slot === 0 ? null : 7,
      policy: "thompson-beta/1",
      propensity,
      exploratory,
      surface: "feed",
      servedAt,
    });
    const rows = [row(0, 1, false), row(1, 0.059451959764134574, true), row(2, 1 / 3, true)];
    await writer.insert(rows);
    await writer.insert([]);
    const stored = await database.db.impression.findMany({ orderBy: { slot: "asc" } });
    expect(stored.map(({ id: _, ...rest }) => rest)).toEqual(rows);
    await expect(writer.insert([row(1, 0.5, true)])).rejects.toThrow();
  });
});

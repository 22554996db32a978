import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jewelguide-client-state-"));

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A web process holds two bundled copies of this package (app router, Pages API) and one client on globalThis. Two
 * module graphs loaded here stand for the two bundles: the copy that did not create the client must still find its
 * SQL reader and share its state.
 */
describe("client state across two loaded copies of the db package", () => {
  it("finds the SQL reader and shares state through one client", async () => {
    const first = await import("./client");
    const firstState = await import("./client-state");
    vi.resetModules();
    const second = await import("./client");
    const secondState = await import("./client-state");
    expect(second.sqlReaderOf).not.toBe(first.sqlReaderOf);

    const handle = first.createDb(`file:${path.join(dir, "shared.db")}`);
    try {
      expect(second.sqlReaderOf(handle.db)).toBe(handle.sql);
      expect(first.sqlReaderOf(handle.db)).toBe(handle.sql);
      const created = firstState.clientState(handle.db, "test.counter", () => ({ count: 0 }));
      created.count += 1;
      expect(secondState.clientState(handle.db, "test.counter", () => ({ count: 100 }))).toBe(created);
      // Not an enumerable property: nothing that walks or logs the client sees it.
      expect(Object.keys(handle.db)).not.toContain("test.counter");
    } finally {
      await handle.sql.close();
      await handle.db.$disconnect();
    }
  });

  it("still refuses a client that createDb did not open", async () => {
    const { sqlReaderOf } = await import("./client");
    const { PrismaClient } = await import("../generated/sqlite/client");
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    const stranger = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${path.join(dir, "x.db")}` }) });
    expect(() => sqlReaderOf(stranger)).toThrow(/not created by createDb/);
  });
});

import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type DbHandle } from "../client";
import { migrateDatabase } from "../migrate";

export type TestDatabase = DbHandle & { url: string; drop: () => Promise<void> };

/**
 * A fresh, migrated database for one test: a new SQLite file under the OS temp folder, or — given the URL of a
 * PostgreSQL server (e.g. env JEWELGUIDE_TEST_POSTGRES_URL) — a new, uniquely named database on it.
 * `drop()` disconnects and deletes it.
 */
export async function createTestDatabase(options: { postgresServerUrl?: string } = {}): Promise<TestDatabase> {
  const name = `jg_test_${Date.now().toString(36)}_${crypto.randomBytes(4).toString("hex")}`;
  if (!options.postgresServerUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jewelguide-test-"));
    const url = `file:${path.join(dir, `${name}.db`)}`;
    await migrateDatabase(url);
    const handle = createDb(url);
    return {
      ...handle,
      url,
      drop: async () => {
        await handle.sql.close();
        await handle.db.$disconnect();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = new pg.Client({ connectionString: options.postgresServerUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const serverUrl = new URL(options.postgresServerUrl);
  serverUrl.pathname = `/${name}`;
  const url = serverUrl.toString();
  await migrateDatabase(url);
  const handle = createDb(url);
  return {
    ...handle,
    url,
    drop: async () => {
      await handle.sql.close();
      await handle.db.$disconnect();
      const cleanup = new pg.Client({ connectionString: options.postgresServerUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** The PostgreSQL server for tests, or undefined (tests then skip with a reason). `npm test` always provides one. */
export function testPostgresServerUrl(): string | undefined {
  const url = process.env.JEWELGUIDE_TEST_POSTGRES_URL;
  return url && url.trim() !== "" ? url : undefined;
}

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db, migrateDatabase } from "@jewelguide/db";

export type TestDatabase = { db: Db; url: string; cleanup: () => Promise<void> };

/** A fresh, migrated SQLite file in a temporary folder; `cleanup` disconnects and deletes it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jewelguide-api-"));
  const url = `file:${path.join(dir, "test.db")}`;
  await migrateDatabase(url);
  const { db } = createDb(url);
  return {
    db,
    url,
    cleanup: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

import "server-only";
import { createDb, type Db } from "@jewelguide/db";
import { getEnv } from "../env";

const globalForDb = globalThis as typeof globalThis & { jewelguideDb?: Db };

/** The process's one database client; kept on globalThis so hot reloads in `next dev` reuse it. */
export function getDb(): Db {
  if (!globalForDb.jewelguideDb) {
    globalForDb.jewelguideDb = createDb(getEnv().DATABASE_URL).db;
  }
  return globalForDb.jewelguideDb;
}

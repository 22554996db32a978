import "server-only";
import { createDb, type DbHandle } from "@jewelguide/db";
import { getEnv } from "../env";

const globalForDb = globalThis as typeof globalThis & { jewelguideDb?: DbHandle };

/**
 * The process's one database client and its storage dialect; kept on globalThis so hot reloads in `next dev` reuse
 * it instead of opening a new connection each time.
 */
export function getDb(): DbHandle {
  globalForDb.jewelguideDb ??= createDb(getEnv().DATABASE_URL);
  return globalForDb.jewelguideDb;
}

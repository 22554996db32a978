// No `server-only` guard here: the tRPC endpoint is a Pages API route, where that guard resolves to its client
// variant and throws. Importing this from a client component still fails (node:sqlite drivers do not bundle).
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

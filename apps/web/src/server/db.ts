// No `server-only` guard here: the tRPC endpoint is a Pages API route, where that guard resolves to its client
// variant and throws. Importing this from a client component still fails (node:sqlite drivers do not bundle).
import { createDb, type DbHandle } from "@jewelguide/db";
import { getEnv } from "../env";

const globalForDb = globalThis as typeof globalThis & { jewelguideDb?: DbHandle };

/**
 * The process's one database client and its storage dialect, kept on globalThis: Next bundles the app router and the
 * Pages API separately (two copies of every module) and `next dev` reloads modules, yet both must use this one handle.
 * What the process keeps per client (the SQL reader, the model serving, the A/B state) lives on the client object
 * itself (`clientState` in @jewelguide/db), so whichever bundle comes first, the other finds it.
 */
export function getDb(): DbHandle {
  globalForDb.jewelguideDb ??= createDb(getEnv().DATABASE_URL);
  return globalForDb.jewelguideDb;
}

// No `server-only` guard here: the tRPC endpoint is a Pages API route, where that guard resolves to its client
// variant and throws. Importing this from a client component still fails (node:sqlite drivers do not bundle).
import { createServerRuntime, explorationConfigForSlots, type ServerRuntime } from "@jewelguide/api";
import { createDb } from "@jewelguide/db";
import { getEnv } from "../env";
import { getServerSecrets } from "./server-secrets";

const globalForRuntime = globalThis as typeof globalThis & { jewelguideRuntime?: ServerRuntime };

/**
 * The process's one ServerRuntime (database, SQL reader, model serving, A/B tests, keys, rate limits), created on
 * first use and kept on globalThis: Next bundles the app router and the Pages API separately (two copies of every
 * module) and `next dev` reloads modules, yet both must serve from this one runtime — two would load the model twice.
 * Every tRPC context (the HTTP endpoint, the server components' and server actions' callers) is built from it.
 */
export function getServerRuntime(): ServerRuntime {
  globalForRuntime.jewelguideRuntime ??= createServerRuntime({
    database: createDb(getEnv().DATABASE_URL),
    secrets: getServerSecrets(),
    exploration: { config: explorationConfigForSlots(getEnv().JEWELGUIDE_EXPLORATION_SLOTS) },
  });
  return globalForRuntime.jewelguideRuntime;
}

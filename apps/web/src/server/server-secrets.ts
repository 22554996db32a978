// No `server-only` guard: the Pages API route uses this too (see db.ts).
import { deriveServerSecrets, loadServerSecret, type ServerSecrets } from "@jewelguide/api/security";
import { getEnv } from "../env";

const globalForSecrets = globalThis as typeof globalThis & { jewelguideSecrets?: ServerSecrets };

/**
 * The shop's keys, loaded once per process and kept on globalThis: the app-router bundle, the Pages API bundle and the
 * proxy each get their own copy of this module, and all must sign and verify with the same keys.
 */
export function getServerSecrets(): ServerSecrets {
  if (!globalForSecrets.jewelguideSecrets) {
    const env = getEnv();
    const master = loadServerSecret({ envSecret: env.JEWELGUIDE_SECRET, dataDir: env.JEWELGUIDE_DATA_DIR });
    globalForSecrets.jewelguideSecrets = deriveServerSecrets(master);
  }
  return globalForSecrets.jewelguideSecrets;
}

import { deriveServerSecrets, loadServerSecret, type ServerSecrets } from "@jewelguide/api/security";
import type { WorkerEnv } from "../cli/read-worker-env";

/**
 * The shop's keys as the web app derives them (JEWELGUIDE_SECRET, or the secret generated into the data folder): the
 * simulator and the serving benchmark send the worker token with them, and the benchmark signs shopper cookies.
 */
export function loadShopSecrets(env: Pick<WorkerEnv, "secret" | "dataDir">): ServerSecrets {
  return deriveServerSecrets(loadServerSecret({ envSecret: env.secret, dataDir: env.dataDir }));
}

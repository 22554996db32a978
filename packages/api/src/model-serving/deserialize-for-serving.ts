import { deserializeRecommender, type Recommender } from "@jewelguide/model";
import { serverLogger } from "../logging/server-logger";

/**
 * A stored model artifact, ready to serve: deserialised, then moved to its fastest scoring engine (the joint model's
 * item matrix onto TF.js). If that engine cannot start, the model serves on its plain JS path (same scores, slower).
 */
export async function deserializeForServing(artifact: Uint8Array): Promise<Recommender> {
  const recommender = deserializeRecommender(artifact);
  try {
    await recommender.prepareForServing();
  } catch (error) {
    serverLogger.warn(
      { err: error },
      "model serving: the fast scoring engine could not start; scoring stays on plain JS",
    );
  }
  return recommender;
}

/** How long a replaced model stays usable: requests that picked it up before the swap finish on it. */
export const RELEASE_GRACE_MS = 60_000;

/** Frees a replaced model's engine resources once requests still holding it are surely done. */
export function releaseLater(recommender: Recommender, graceMs = RELEASE_GRACE_MS): void {
  setTimeout(() => recommender.releaseServing(), graceMs).unref();
}

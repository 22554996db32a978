import { clientState, type Db } from "@jewelguide/db";
import { createModelServing, type ModelServing } from "./create-model-serving";
import type { ServingOptions } from "./serving-options";

/**
 * The one model registry of this process for a database client, created on first use with the given options. It is
 * kept on the client itself (clientState), so the app-router and Pages API bundles of a web process share one loaded
 * model instead of loading it once per bundle.
 */
export function getModelServing(db: Db, options?: Partial<ServingOptions>): ModelServing {
  return clientState(db, "api.modelServing", () => createModelServing(db, options));
}

import type { Db } from "@jewelguide/db";
import { createModelServing, type ModelServing } from "./create-model-serving";
import type { ServingOptions } from "./serving-options";

const servings = new WeakMap<Db, ModelServing>();

/** The one model registry of this process for a database client (created on first use with the given options). */
export function getModelServing(db: Db, options?: Partial<ServingOptions>): ModelServing {
  let serving = servings.get(db);
  if (!serving) {
    serving = createModelServing(db, options);
    servings.set(db, serving);
  }
  return serving;
}

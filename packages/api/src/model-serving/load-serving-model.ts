import { type Db, getActiveModelVersion } from "@jewelguide/db";
import { deserializeForServing } from "./deserialize-for-serving";
import { fitPopularityFallback } from "./fit-popularity-fallback";
import type { ProductCatalog } from "./product-catalog";
import type { ServingModel } from "./serving-model";

/** Loads and deserialises the active version (any registered kind), or builds the popularity fallback when none. */
export async function loadServingModel(db: Db, catalog: ProductCatalog): Promise<ServingModel> {
  const active = await getActiveModelVersion(db);
  if (!active?.artifact) return fitPopularityFallback(db, catalog);
  const recommender = await deserializeForServing(new Uint8Array(active.artifact));
  return { source: "active-version", versionId: active.id, kind: active.kind, recommender, loadedAt: Date.now() };
}

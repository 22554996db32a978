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

/** The id of the active version, or null: the cheap query behind the periodic check (indexed by status). */
export async function readActiveVersionId(db: Db): Promise<number | null> {
  const active = await db.modelVersion.findFirst({ where: { status: "active" }, select: { id: true } });
  return active?.id ?? null;
}

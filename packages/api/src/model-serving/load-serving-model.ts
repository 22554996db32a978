import { type Db, getActiveModelVersion, sqlReaderOf } from "@jewelguide/db";
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

const ACTIVE_VERSION_SQL = `SELECT "id" FROM "ModelVersion" WHERE "status" = 'active' ORDER BY "id" DESC LIMIT 1`;

/**
 * The id of the active version, or null: the cheap query behind every web process's periodic check (indexed by
 * status), as a prepared statement on the driver — through Prisma's query builder it cost ~1 ms on the event loop.
 */
export async function readActiveVersionId(db: Db): Promise<number | null> {
  const [active] = await sqlReaderOf(db).all<{ id: number }>(ACTIVE_VERSION_SQL, []);
  return active ? Number(active.id) : null;
}

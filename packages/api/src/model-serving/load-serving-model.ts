import { type Db, readVersionArtifact, type SqlReader } from "@jewelguide/db";
import { deserializeForServing } from "./deserialize-for-serving";
import { fitPopularityFallback } from "./fit-popularity-fallback";
import type { ProductCatalog } from "./product-catalog";
import type { ServingModel } from "./serving-model";

/**
 * Loads and deserialises the active version (any registered kind), or builds the popularity fallback when none. The
 * artifact is read on the driver in pieces (readVersionArtifact), not as one Prisma Bytes value, which peaked a
 * process at over 2 GB for a 100,000-item model.
 */
export async function loadServingModel(
  { db, sql }: { db: Db; sql: SqlReader },
  catalog: ProductCatalog,
): Promise<ServingModel> {
  const active = await db.modelVersion.findFirst({ where: { status: "active" }, select: { id: true, kind: true } });
  const artifact = active ? await readVersionArtifact(sql, active.id) : null;
  if (!active || !artifact) return fitPopularityFallback(db, catalog);
  const recommender = await deserializeForServing(artifact);
  return { source: "active-version", versionId: active.id, kind: active.kind, recommender, loadedAt: Date.now() };
}

import type { Db } from "@jewelguide/db";
import { deserializeForServing } from "./deserialize-for-serving";
import type { ServingModel } from "./serving-model";

/** Loads one stored version by id (an A/B arm that is not the active version); null when it has no artifact. */
export async function loadVersionModel(db: Db, id: number): Promise<ServingModel | null> {
  const version = await db.modelVersion.findUnique({ where: { id }, select: { id: true, kind: true, artifact: true } });
  if (!version?.artifact) return null;
  const recommender = await deserializeForServing(new Uint8Array(version.artifact));
  return { source: "active-version", versionId: version.id, kind: version.kind, recommender, loadedAt: Date.now() };
}

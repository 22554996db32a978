import type { Db } from "../client";

/** The active version with its artifact, or null when nothing has been published yet. */
export async function getActiveModelVersion(db: Db) {
  return db.modelVersion.findFirst({
    where: { status: "active" },
    select: { id: true, kind: true, params: true, metrics: true, artifact: true, activatedAt: true, createdAt: true },
  });
}

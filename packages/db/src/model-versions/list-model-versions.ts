import type { Db } from "../client";

/** Every version, newest first, without artifacts. */
export async function listModelVersions(db: Db) {
  return db.modelVersion.findMany({
    orderBy: { id: "desc" },
    select: {
      id: true,
      kind: true,
      status: true,
      params: true,
      metrics: true,
      dataSnapshot: true,
      artifactSize: true,
      notes: true,
      createdAt: true,
      activatedAt: true,
      retiredAt: true,
    },
  });
}

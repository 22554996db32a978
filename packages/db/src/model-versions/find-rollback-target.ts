import type { DbTransaction } from "../client";

/** The version that was active before the current one: the retired version retired most recently. */
export async function findRollbackTarget(db: DbTransaction): Promise<{ id: number; kind: string } | null> {
  return db.modelVersion.findFirst({
    where: { status: "retired", artifactSize: { gt: 0 }, activatedAt: { not: null } },
    orderBy: [{ retiredAt: "desc" }, { id: "desc" }],
    select: { id: true, kind: true },
  });
}

import type { Db } from "../client";

export class PublishError extends Error {
  constructor(
    message: string,
    readonly code: "NOT_FOUND" | "NOT_PUBLISHABLE",
  ) {
    super(message);
    this.name = "PublishError";
  }
}

/**
 * Makes a version the active one, atomically: in one transaction the current active version (if any) is retired and
 * the chosen one activated, so at every instant exactly one version is active once any has been published.
 * Publishing an earlier (retired) version is how a rollback is done. Failed versions and versions without an
 * artifact are refused.
 */
export async function publishModelVersion(db: Db, id: number): Promise<{ activated: number; retired: number | null }> {
  return db.$transaction(async (tx) => {
    const version = await tx.modelVersion.findUnique({
      where: { id },
      select: { id: true, status: true, artifactSize: true },
    });
    if (!version) throw new PublishError(`model version ${id} does not exist`, "NOT_FOUND");
    if (version.status === "failed" || version.artifactSize === 0) {
      throw new PublishError(`model version ${id} is ${version.status} and has no usable artifact`, "NOT_PUBLISHABLE");
    }
    if (version.status === "active") return { activated: id, retired: null };
    const current = await tx.modelVersion.findFirst({ where: { status: "active" }, select: { id: true } });
    const now = new Date();
    if (current) {
      await tx.modelVersion.update({ where: { id: current.id }, data: { status: "retired", retiredAt: now } });
    }
    await tx.modelVersion.update({ where: { id }, data: { status: "active", activatedAt: now, retiredAt: null } });
    return { activated: id, retired: current?.id ?? null };
  });
}

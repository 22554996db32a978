import type { DbTransaction } from "../client";

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
 * Inside the caller's transaction: retires the active version (if any) and activates this one, so once the
 * transaction commits exactly one version is active. Failed versions and versions without an artifact are refused.
 * Activating the active version changes nothing (`retired: null`, `changed: false`).
 */
export async function activateVersion(
  tx: DbTransaction,
  id: number,
): Promise<{ activated: number; retired: number | null; changed: boolean }> {
  const version = await tx.modelVersion.findUnique({
    where: { id },
    select: { id: true, status: true, artifactSize: true },
  });
  if (!version) throw new PublishError(`model version ${id} does not exist`, "NOT_FOUND");
  if (version.status === "failed" || version.artifactSize === 0) {
    throw new PublishError(`model version ${id} is ${version.status} and has no usable artifact`, "NOT_PUBLISHABLE");
  }
  if (version.status === "active") return { activated: id, retired: null, changed: false };
  const current = await tx.modelVersion.findFirst({ where: { status: "active" }, select: { id: true } });
  const now = new Date();
  if (current) {
    await tx.modelVersion.update({ where: { id: current.id }, data: { status: "retired", retiredAt: now } });
  }
  await tx.modelVersion.update({ where: { id }, data: { status: "active", activatedAt: now, retiredAt: null } });
  return { activated: id, retired: current?.id ?? null, changed: true };
}

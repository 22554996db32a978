import type { Db } from "../client";
import { checkPublishGates, DEFAULT_MAX_RECALL_DROP, type PublishGateResult } from "./check-publish-gates";
import { PublishError, publishModelVersion } from "./publish-model-version";

export type PublishWithGatesResult =
  | { published: true; activated: number; retired: number | null; gates: PublishGateResult; forced: boolean }
  | { published: false; gates: PublishGateResult };

/**
 * Checks the gates of a version against the active one and publishes it when they pass (or when forced). The
 * publish itself is the one atomic transaction of publishModelVersion.
 */
export async function publishWithGates(
  db: Db,
  id: number,
  options: { force?: boolean; maxDrop?: number } = {},
): Promise<PublishWithGatesResult> {
  const candidate = await db.modelVersion.findUnique({ where: { id }, select: { metrics: true } });
  if (!candidate) throw new PublishError(`model version ${id} does not exist`, "NOT_FOUND");
  const active = await db.modelVersion.findFirst({ where: { status: "active" }, select: { id: true, metrics: true } });
  const gates = checkPublishGates({
    candidateMetrics: candidate.metrics,
    activeMetrics: active && active.id !== id ? active.metrics : null,
    maxDrop: options.maxDrop ?? DEFAULT_MAX_RECALL_DROP,
  });
  const forced = options.force === true;
  if (!gates.passed && !forced) return { published: false, gates };
  const result = await publishModelVersion(db, id);
  return { published: true, ...result, gates, forced: forced && !gates.passed };
}

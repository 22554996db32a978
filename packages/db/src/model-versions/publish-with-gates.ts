import type { AuditActor } from "../audit/audit-entry";
import { recordAuditEntry } from "../audit/record-audit-entry";
import type { Db, DbTransaction } from "../client";
import { AppError } from "../errors/app-error";
import { activateVersion } from "./activate-version";
import { checkPublishGates, DEFAULT_MAX_RECALL_DROP, type PublishGateResult } from "./check-publish-gates";

export type PublishWithGatesResult =
  | {
      published: true;
      activated: number;
      retired: number | null;
      /** False when the version was already active (nothing changed, nothing recorded). */
      changed: boolean;
      gates: PublishGateResult;
      forced: boolean;
    }
  | { published: false; gates: PublishGateResult };

export type GateOptions = { force?: boolean; maxDrop?: number };

/**
 * Inside the caller's transaction: checks the gates of a version against the active one and activates it when they
 * pass (or when forced). Reading the active version's metrics in the same transaction as the activation means the
 * gates compare against the version actually being replaced. Writes nothing when the gates fail.
 */
export async function activateWithGates(
  tx: DbTransaction,
  id: number,
  options: GateOptions = {},
): Promise<PublishWithGatesResult> {
  const candidate = await tx.modelVersion.findUnique({ where: { id }, select: { metrics: true } });
  if (!candidate) throw new AppError("NOT_FOUND", `model version ${id} does not exist`);
  const active = await tx.modelVersion.findFirst({ where: { status: "active" }, select: { id: true, metrics: true } });
  const gates = checkPublishGates({
    candidateMetrics: candidate.metrics,
    activeMetrics: active && active.id !== id ? active.metrics : null,
    maxDrop: options.maxDrop ?? DEFAULT_MAX_RECALL_DROP,
  });
  const forced = options.force === true;
  if (!gates.passed && !forced) return { published: false, gates };
  const result = await activateVersion(tx, id);
  return { published: true, ...result, gates, forced: forced && !gates.passed };
}

export type AuditedPublishOptions = GateOptions & { actor: AuditActor; action?: "publish" | "rollback" };

/**
 * Publishes a version through the gates (activateWithGates) and records the change in the audit log, all in one
 * transaction: who (`actor`), publish or rollback, version from → to, whether the gates were forced and which failed.
 * A refused publish changes and records nothing; so does publishing the version already active.
 */
export async function publishWithGates(
  db: Db,
  id: number,
  options: AuditedPublishOptions,
): Promise<PublishWithGatesResult> {
  return db.$transaction((tx) => publishAndRecord(tx, id, options));
}

/** publishWithGates inside the caller's transaction (a rollback finds its target in the same transaction). */
export async function publishAndRecord(
  tx: DbTransaction,
  id: number,
  options: AuditedPublishOptions,
): Promise<PublishWithGatesResult> {
  const result = await activateWithGates(tx, id, options);
  if (result.published && result.changed) {
    await recordAuditEntry(tx, options.actor, {
      action: options.action ?? "publish",
      fromVersionId: result.retired,
      toVersionId: result.activated,
      forced: result.forced,
      details: {
        maxDrop: options.maxDrop ?? DEFAULT_MAX_RECALL_DROP,
        ...(result.forced ? { overriddenGates: result.gates.failures } : {}),
      },
    });
  }
  return result;
}

import type { AuditActor } from "../audit/audit-entry";
import type { Db } from "../client";
import { AppError } from "../errors/app-error";
import { findRollbackTarget } from "./find-rollback-target";
import { type GateOptions, type PublishWithGatesResult, publishAndRecord } from "./publish-with-gates";

/**
 * Re-activates an earlier version — `to`, or the one retired most recently — through the same gates as a publish
 * (compared with the version it replaces; `force` skips them and is recorded as forced), with its audit entry, all in
 * one transaction. A rollback is a publish of an older version: an old version is not trusted just for being old.
 */
export async function rollbackModelVersion(
  db: Db,
  options: GateOptions & { to?: number; actor: AuditActor },
): Promise<PublishWithGatesResult & { target: number }> {
  return db.$transaction(async (tx) => {
    const target = options.to ?? (await findRollbackTarget(tx))?.id;
    if (target === undefined) throw new AppError("NOT_FOUND", "there is no earlier active version to roll back to");
    const result = await publishAndRecord(tx, target, { ...options, action: "rollback" });
    return { ...result, target };
  });
}

import {
  type AuditActor,
  type AuditChange,
  activateWithGates,
  type Db,
  type DbTransaction,
  DEFAULT_MAX_RECALL_DROP,
  recordAuditEntry,
} from "@jewelguide/db";
import { AppError } from "@jewelguide/db/errors";
import type { StopAbTestInput } from "./ab-test-schemas";
import { gatesFailedError } from "./gates-failed-error";

/**
 * Stops a running test, optionally promoting an arm: in ONE transaction the winner is published through the gates
 * (activateWithGates; `force` overrides, recorded), the test is marked stopped with its winner, and the audit entry is
 * written — all or nothing. A promote that fails the gates leaves the test running and the active version unchanged.
 */
export async function stopAbTest(db: Db, input: StopAbTestInput, actor: AuditActor) {
  return db.$transaction(async (tx) => {
    const test = await tx.abTest.findUnique({ where: { id: input.id } });
    if (!test) throw new AppError("NOT_FOUND", `A/B test ${input.id} does not exist`);
    if (test.status !== "running") throw alreadyStopped(input.id);
    const winner = input.promote === null ? null : input.promote === "A" ? test.versionAId : test.versionBId;
    const promotion = winner === null ? null : await promote(tx, winner, input.force);
    // Conditional on still running: of two admins stopping at once, the second changes nothing and is told so.
    const stopped = await tx.abTest.updateMany({
      where: { id: test.id, status: "running" },
      data: { status: "stopped", stoppedAt: new Date(), winnerVersionId: winner },
    });
    if (stopped.count !== 1) throw alreadyStopped(input.id);
    const details = { testId: test.id, name: test.name, promotedArm: input.promote };
    await recordAuditEntry(
      tx,
      actor,
      promotion
        ? { ...promotion, action: "ab-test-promote", details: { ...details, ...promotion.details } }
        : { action: "ab-test-stop", details },
    );
    return tx.abTest.findUniqueOrThrow({ where: { id: test.id } });
  });
}

/** Publishes the winner through the gates inside the stop's transaction; what the audit entry says about it. */
async function promote(
  tx: DbTransaction,
  winner: number,
  force: boolean,
): Promise<Required<Pick<AuditChange, "fromVersionId" | "toVersionId" | "forced" | "details">>> {
  const result = await activateWithGates(tx, winner, { force });
  if (!result.published) throw gatesFailedError(winner, result.gates.failures);
  return {
    // The winner may already be the active version (arm A is usually the active one): then nothing was replaced.
    fromVersionId: result.changed ? result.retired : winner,
    toVersionId: winner,
    forced: result.forced,
    details: { maxDrop: DEFAULT_MAX_RECALL_DROP, ...(result.forced ? { overriddenGates: result.gates.failures } : {}) },
  };
}

function alreadyStopped(id: number): AppError {
  return new AppError("CONFLICT", `A/B test ${id} is already stopped`);
}

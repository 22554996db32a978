import { type AuditActor, type Db, isUniqueViolation, recordAuditEntry } from "@jewelguide/db";
import { AppError } from "@jewelguide/db/errors";
import type { StartAbTestInput } from "./ab-test-schemas";

/**
 * Starts an A/B test between two versions that have artifacts, with its audit entry in the same transaction. At most
 * one test runs: the database guarantees it (partial unique index `AbTest_one_running`), so two admins starting at
 * the same moment cannot both succeed; the loser gets CONFLICT naming the running test.
 */
export async function startAbTest(db: Db, input: StartAbTestInput, actor: AuditActor) {
  const versions = await db.modelVersion.findMany({
    where: { id: { in: [input.versionAId, input.versionBId] } },
    select: { id: true, status: true, artifactSize: true },
  });
  for (const id of [input.versionAId, input.versionBId]) {
    const version = versions.find((v) => v.id === id);
    if (!version) throw new AppError("NOT_FOUND", `model version ${id} does not exist`);
    if (version.status === "failed" || version.artifactSize === 0) {
      throw new AppError("BAD_INPUT", `model version ${id} has no usable artifact`);
    }
  }
  try {
    return await db.$transaction(async (tx) => {
      const test = await tx.abTest.create({ data: { ...input, status: "running" } });
      await recordAuditEntry(tx, actor, {
        action: "ab-test-start",
        details: {
          testId: test.id,
          name: test.name,
          versionAId: test.versionAId,
          versionBId: test.versionBId,
          shareB: test.shareB,
        },
      });
      return test;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const running = await db.abTest.findFirst({ where: { status: "running" }, select: { id: true, name: true } });
    throw new AppError(
      "CONFLICT",
      `an A/B test is already running${running ? `: #${running.id} ${running.name}` : ""}`,
    );
  }
}

import { type AuditActor, type Db, rollbackModelVersion } from "@jewelguide/db";
import { z } from "zod";
import { gatesFailedError } from "./gates-failed-error";

export const RollbackInputSchema = z.object({
  /** The version to go back to; default the one retired most recently. */
  to: z.number().int().positive().optional(),
  /** Roll back even when a gate fails; recorded as forced in the audit log. */
  force: z.boolean().default(false),
  maxDrop: z.number().min(0).max(1).optional(),
});
export type RollbackInput = z.input<typeof RollbackInputSchema>;

/**
 * A dashboard rollback: the same gates, force and audit entry as a publish, in one transaction
 * (rollbackModelVersion). A failed gate without `force` is PRECONDITION_FAILED; nothing changes.
 */
export async function rollbackVersion(db: Db, rawInput: RollbackInput, actor: AuditActor) {
  const input = RollbackInputSchema.parse(rawInput);
  const result = await rollbackModelVersion(db, { to: input.to, force: input.force, maxDrop: input.maxDrop, actor });
  if (!result.published) throw gatesFailedError(result.target, result.gates.failures);
  return result;
}

import { type AuditActor, type Db, publishWithGates } from "@jewelguide/db";
import { z } from "zod";
import { gatesFailedError } from "./gates-failed-error";

export const PublishVersionInputSchema = z.object({
  id: z.number().int().positive(),
  /** Publish even when a gate fails; recorded as forced in the audit log. */
  force: z.boolean().default(false),
  maxDrop: z.number().min(0).max(1).optional(),
});
export type PublishVersionInput = z.input<typeof PublishVersionInputSchema>;

/**
 * A dashboard publish: through the gates, in one transaction with its audit entry (publishWithGates). A failed gate
 * without `force` is PRECONDITION_FAILED listing the failures; nothing changes.
 */
export async function publishVersion(db: Db, rawInput: PublishVersionInput, actor: AuditActor) {
  const input = PublishVersionInputSchema.parse(rawInput);
  const result = await publishWithGates(db, input.id, { force: input.force, maxDrop: input.maxDrop, actor });
  if (!result.published) throw gatesFailedError(input.id, result.gates.failures);
  return result;
}

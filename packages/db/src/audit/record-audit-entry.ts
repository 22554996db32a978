import type { DbTransaction } from "../client";
import type { AuditActor, AuditChange } from "./audit-entry";

/** Longest actor name stored: an e-mail address is at most 254 characters, the worker's name is much shorter. */
export const MAX_AUDIT_ACTOR_LENGTH = 320;

/**
 * Writes one audit entry inside the transaction that makes the change, so the change and its record commit or roll
 * back together: there is never a change without its entry, nor an entry for a change that did not happen. An actor
 * without a name (or with an absurd one) is refused, which rolls the change back too.
 */
export async function recordAuditEntry(tx: DbTransaction, actor: AuditActor, change: AuditChange): Promise<number> {
  const name = actor.name.trim();
  if (name.length === 0 || name.length > MAX_AUDIT_ACTOR_LENGTH) {
    throw new Error(
      `audit actor must be 1 to ${MAX_AUDIT_ACTOR_LENGTH} characters (got ${name.length}): the change was not made`,
    );
  }
  const entry = await tx.auditLog.create({
    data: {
      actor: name,
      actorRole: actor.role,
      action: change.action,
      fromVersionId: change.fromVersionId ?? null,
      toVersionId: change.toVersionId ?? null,
      forced: change.forced ?? false,
      details: change.details ?? {},
    },
    select: { id: true },
  });
  return entry.id;
}

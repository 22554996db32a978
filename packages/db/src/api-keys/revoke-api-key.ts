import type { AuditActor } from "../audit/audit-entry";
import { recordAuditEntry } from "../audit/record-audit-entry";
import type { Db } from "../client";
import { ApiKeyError } from "./create-api-key";

/**
 * Revokes a key at once: the next request with it is refused (the API looks the key up on every request). The row
 * stays, with `revokedAt`, and the revocation is audited in the same transaction. Revoking twice is an error, so an
 * operator who mistyped an id learns it.
 */
export async function revokeApiKey(db: Db, actor: AuditActor, id: number, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id }, select: { name: true, scope: true, revokedAt: true } });
    if (!key) throw new ApiKeyError(`there is no API key ${id}`);
    if (key.revokedAt) throw new ApiKeyError(`API key ${id} was already revoked on ${key.revokedAt.toISOString()}`);
    await tx.apiKey.update({ where: { id }, data: { revokedAt: now } });
    await recordAuditEntry(tx, actor, {
      action: "api-key-revoke",
      details: { apiKeyId: id, name: key.name, scope: key.scope },
    });
  });
}

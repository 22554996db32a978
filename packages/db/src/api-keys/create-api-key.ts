import type { AuditActor } from "../audit/audit-entry";
import { recordAuditEntry } from "../audit/record-audit-entry";
import type { Db } from "../client";
import type { ApiKeyScope } from "./api-key-scope";
import { apiKeyDisplayPrefix, hashApiKeySecret, newApiKeySecret } from "./api-key-secret";

export const MAX_API_KEY_NAME_LENGTH = 100;

export class ApiKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ApiKeyError";
  }
}

/**
 * Creates a key for a shop's backend and returns it in clear: the only time it exists outside the caller's hands (only
 * its SHA-256 is stored). The audit entry is written in the same transaction, naming the key's id, name and scope.
 */
export async function createApiKey(
  db: Db,
  actor: AuditActor,
  input: { name: string; scope: ApiKeyScope },
): Promise<{ id: number; name: string; scope: ApiKeyScope; secret: string }> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > MAX_API_KEY_NAME_LENGTH) {
    throw new ApiKeyError(`the key's name must be 1 to ${MAX_API_KEY_NAME_LENGTH} characters`);
  }
  const secret = newApiKeySecret();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { name, scope: input.scope, keyHash: hashApiKeySecret(secret), keyPrefix: apiKeyDisplayPrefix(secret) },
      select: { id: true },
    });
    await recordAuditEntry(tx, actor, {
      action: "api-key-create",
      details: { apiKeyId: created.id, name, scope: input.scope },
    });
    return created;
  });
  return { id: row.id, name, scope: input.scope, secret };
}

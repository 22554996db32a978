import crypto from "node:crypto";
import type { Db } from "../client";
import { type ApiKeyScope, isApiKeyScope } from "./api-key-scope";
import { hashApiKeySecret } from "./api-key-secret";

export type ApiKeyCheck =
  | { ok: true; key: { id: number; name: string; scope: ApiKeyScope } }
  | { ok: false; reason: "unknown" | "revoked" };

/** Keys longer than this are not looked up (ours are 46 characters). */
const MAX_KEY_LENGTH = 200;

/**
 * Finds the live key a request presents. The lookup is by the SHA-256 of the presented key (the unique index), and the
 * stored digest is compared again in constant time, so neither the query nor the comparison depends on how much of a
 * guessed key was right. A revoked key answers `revoked`. `lastUsedAt` is refreshed at most once a minute per key.
 */
export async function findApiKey(db: Db, presented: string, now = new Date()): Promise<ApiKeyCheck> {
  if (presented.length === 0 || presented.length > MAX_KEY_LENGTH) return { ok: false, reason: "unknown" };
  const digest = hashApiKeySecret(presented);
  const row = await db.apiKey.findUnique({
    where: { keyHash: digest },
    select: { id: true, name: true, scope: true, keyHash: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || !crypto.timingSafeEqual(Buffer.from(row.keyHash, "hex"), Buffer.from(digest, "hex"))) {
    return { ok: false, reason: "unknown" };
  }
  if (row.revokedAt || !isApiKeyScope(row.scope)) return { ok: false, reason: "revoked" };
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= 60_000) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { ok: true, key: { id: row.id, name: row.name, scope: row.scope } };
}

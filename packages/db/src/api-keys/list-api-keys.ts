import type { Db } from "../client";

/** A key as `api-key list` shows it: never the key, only its first characters. */
export type ApiKeySummary = {
  id: number;
  name: string;
  scope: string;
  keyPrefix: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

export function listApiKeys(db: Db): Promise<ApiKeySummary[]> {
  return db.apiKey.findMany({
    orderBy: { id: "asc" },
    select: { id: true, name: true, scope: true, keyPrefix: true, createdAt: true, revokedAt: true, lastUsedAt: true },
  });
}

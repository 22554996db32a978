import type { Db } from "../client";
import type { AuditEntry } from "./audit-entry";

export const DEFAULT_AUDIT_LIMIT = 50;
export const MAX_AUDIT_LIMIT = 1000;

/** The latest audit entries, newest first (at most `limit`, 1 to MAX_AUDIT_LIMIT). */
export async function listAuditEntries(db: Db, options: { limit?: number } = {}): Promise<AuditEntry[]> {
  const limit = options.limit ?? DEFAULT_AUDIT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AUDIT_LIMIT) {
    throw new RangeError(`the audit log limit must be an integer from 1 to ${MAX_AUDIT_LIMIT} (got ${limit})`);
  }
  const rows = await db.auditLog.findMany({ orderBy: [{ at: "desc" }, { id: "desc" }], take: limit });
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    actorRole: row.actorRole,
    action: row.action,
    fromVersionId: row.fromVersionId,
    toVersionId: row.toVersionId,
    forced: row.forced,
    details: isRecord(row.details) ? row.details : {},
  }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

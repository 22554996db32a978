import { type Db, listAuditEntries, MAX_AUDIT_LIMIT } from "@jewelguide/db";
import { z } from "zod";

export const ListAuditLogInputSchema = z.object({ limit: z.number().int().min(1).max(MAX_AUDIT_LIMIT).default(50) });
export type ListAuditLogInput = z.input<typeof ListAuditLogInputSchema>;

/** The latest audit entries for the dashboard (who published, rolled back, started, stopped or promoted what). */
export function listAuditLog(db: Db, rawInput: ListAuditLogInput) {
  const input = ListAuditLogInputSchema.parse(rawInput);
  return listAuditEntries(db, { limit: input.limit });
}

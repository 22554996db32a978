export {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditActor,
  type AuditActorRole,
  type AuditChange,
  type AuditEntry,
} from "./audit-entry";
export { DEFAULT_AUDIT_LIMIT, listAuditEntries, MAX_AUDIT_LIMIT } from "./list-audit-entries";
export { MAX_AUDIT_ACTOR_LENGTH, recordAuditEntry } from "./record-audit-entry";

/**
 * What the audit log records: every change to what serves, made from the dashboard or the worker CLI, who was given
 * (or lost) a key to the shop backends' HTTP API, and who started a worker job from the dashboard.
 */
export const AUDIT_ACTIONS = [
  "publish",
  "rollback",
  "ab-test-start",
  "ab-test-stop",
  "ab-test-promote",
  "api-key-create",
  "api-key-revoke",
  "job-start",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A dashboard user's role, or `operator` for someone at the worker CLI (who holds the database itself). */
export type AuditActorRole = "admin" | "merchandiser" | "operator";

/**
 * Who made a change: the staff member's e-mail (dashboard session) or `worker:<os user>@<host>` (CLI), with the role
 * they acted in. Built by the caller from what the server verified, never from request input.
 */
export type AuditActor = { name: string; role: AuditActorRole };

/** One change as the caller describes it; `at` and `id` are the database's. */
export type AuditChange = {
  action: AuditAction;
  fromVersionId?: number | null;
  toVersionId?: number | null;
  /** The publish gates failed and were skipped (--force / the dashboard's force box). */
  forced?: boolean;
  /** Anything else worth keeping: the test's id and name, the gate failures that were overridden… */
  details?: Record<string, string | number | boolean | null | string[]>;
};

/** A stored entry as listed by the dashboard and `worker audit-log`. */
export type AuditEntry = {
  id: number;
  at: Date;
  actor: string;
  actorRole: string;
  action: string;
  fromVersionId: number | null;
  toVersionId: number | null;
  forced: boolean;
  details: Record<string, unknown>;
};

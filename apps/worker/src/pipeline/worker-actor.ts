import os from "node:os";
import type { AuditActor } from "@jewelguide/db";

/**
 * Who the audit log names for a change made at the worker CLI: `worker:<os user>@<hostname>`, acting as `operator`
 * (someone who can run the worker holds the database itself; the name says from which account and machine).
 */
export function workerActor(): AuditActor {
  return { name: `worker:${osUserName()}@${os.hostname()}`, role: "operator" };
}

/** The login name; an account without a passwd entry (some containers) is named by its uid. */
function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return `uid-${process.getuid?.() ?? "unknown"}`;
  }
}

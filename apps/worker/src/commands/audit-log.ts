import { createDb, DEFAULT_AUDIT_LIMIT, listAuditEntries, MAX_AUDIT_LIMIT } from "@jewelguide/db";
import { defineCommand } from "../cli/command";
import { UsageError } from "../cli/usage-error";
import { formatAuditTable } from "./format-audit-table";
import { parsePositiveInteger } from "./parse-numeric-flags";

export const auditLogCommand = defineCommand({
  name: "audit-log",
  summary: "List who published, rolled back, started, stopped or promoted what, newest first.",
  help: `One line per recorded change: when, who (a staff e-mail from the dashboard, or worker:<os user>@<host> from
this CLI) and in which role, the action (publish | rollback | ab-test-start | ab-test-stop | ab-test-promote), the
version from → to, whether the publish gates were forced, and details. Entries are written in the same transaction
as the change they describe; api-key-create and api-key-revoke name the HTTP API key (id, name, scope). --json
prints the entries as JSON.`,
  flags: {
    limit: {
      type: "string",
      valueName: "N",
      description: `how many entries, newest first (default ${DEFAULT_AUDIT_LIMIT}, at most ${MAX_AUDIT_LIMIT})`,
    },
    json: { type: "boolean", description: "print JSON instead of a table" },
  },
  async run({ flags, env, stdout }) {
    const limit = flags.limit === undefined ? DEFAULT_AUDIT_LIMIT : parsePositiveInteger("--limit", flags.limit);
    if (limit > MAX_AUDIT_LIMIT) throw new UsageError(`--limit must be at most ${MAX_AUDIT_LIMIT}, not ${limit}`);
    const { db } = createDb(env.databaseUrl);
    try {
      const entries = await listAuditEntries(db, { limit });
      if (flags.json) {
        stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
        return 0;
      }
      stdout.write(entries.length === 0 ? "no audit entries yet\n" : formatAuditTable(entries));
      return 0;
    } finally {
      await db.$disconnect();
    }
  },
});

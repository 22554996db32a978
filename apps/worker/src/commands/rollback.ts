import { createDb, rollbackModelVersion } from "@jewelguide/db";
import { AppError } from "@jewelguide/db/errors";
import { defineCommand } from "../cli/command";
import { UsageError } from "../cli/usage-error";
import { workerActor } from "../pipeline/worker-actor";
import { MAX_DROP_FLAG, parseMaxDrop } from "./max-drop-flag";
import { parsePositiveInteger } from "./parse-numeric-flags";

export const rollbackCommand = defineCommand({
  name: "rollback",
  summary: "Re-activate an earlier version (default: the one active before the current one), through the gates.",
  help: `Publishes an earlier version again: the same gates as publish (every stored metric a finite number; validation
recall@20 not worse than the active version's by more than --max-drop) and the same single transaction, recorded in
the audit log. Without --to, the version retired most recently is chosen. Exit code 1 when a gate fails (nothing
changes); --force rolls back anyway and is recorded as forced.`,
  flags: {
    to: { type: "string", valueName: "N", description: "the version id to roll back to" },
    force: { type: "boolean", description: "roll back even when a gate fails (the failures are still printed)" },
    "max-drop": MAX_DROP_FLAG,
  },
  async run({ flags, env, stdout, stderr }) {
    const to = flags.to === undefined ? undefined : parsePositiveInteger("--to", flags.to);
    const maxDrop = parseMaxDrop(flags["max-drop"]);
    const { db } = createDb(env.databaseUrl);
    try {
      const result = await rollbackModelVersion(db, { to, force: flags.force, maxDrop, actor: workerActor() });
      for (const failure of result.gates.failures) stderr.write(`gate: ${failure}\n`);
      if (!result.published) {
        stderr.write(`not rolled back to version ${result.target}: gates failed (use --force to override)\n`);
        return 1;
      }
      if (!result.changed) {
        stdout.write(`version ${result.target} is already active\n`);
        return 0;
      }
      stdout.write(
        `rolled back to version ${result.activated}${result.retired !== null ? ` (retired ${result.retired})` : ""}` +
          `${result.forced ? " despite failed gates (--force)" : ""}\n`,
      );
      return 0;
    } catch (error) {
      if (error instanceof AppError) throw new UsageError(error.message);
      throw error;
    } finally {
      await db.$disconnect();
    }
  },
});

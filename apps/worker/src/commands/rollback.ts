import { createDb, findRollbackTarget, getActiveModelVersion, PublishError, publishModelVersion } from "@jewelguide/db";
import { defineCommand } from "../cli/command";
import { UsageError } from "../cli/usage-error";
import { parsePositiveInteger } from "./parse-numeric-flags";

export const rollbackCommand = defineCommand({
  name: "rollback",
  summary: "Re-activate an earlier version (default: the one active before the current one).",
  help: `Publishes an earlier version again, in the same single transaction as publish (no gates: the version served
before). Without --to, the version retired most recently is chosen.`,
  flags: {
    to: { type: "string", valueName: "N", description: "the version id to roll back to" },
  },
  async run({ flags, env, stdout }) {
    const to = flags.to === undefined ? undefined : parsePositiveInteger("--to", flags.to);
    const { db } = createDb(env.databaseUrl);
    try {
      const active = await getActiveModelVersion(db);
      const target = to ?? (await findRollbackTarget(db))?.id;
      if (target === undefined) throw new UsageError("there is no earlier active version to roll back to");
      if (active?.id === target) {
        stdout.write(`version ${target} is already active\n`);
        return 0;
      }
      const result = await publishModelVersion(db, target);
      stdout.write(
        `rolled back to version ${result.activated}${result.retired !== null ? ` (retired ${result.retired})` : ""}\n`,
      );
      return 0;
    } catch (error) {
      if (error instanceof PublishError) throw new UsageError(error.message);
      throw error;
    } finally {
      await db.$disconnect();
    }
  },
});

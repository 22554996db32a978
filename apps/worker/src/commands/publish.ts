import { createDb, publishWithGates } from "@jewelguide/db";
import { AppError } from "@jewelguide/db/errors";
import { defineCommand } from "../cli/command";
import { UsageError } from "../cli/usage-error";
import { workerActor } from "../pipeline/worker-actor";
import { MAX_DROP_FLAG, parseMaxDrop } from "./max-drop-flag";
import { parseVersionId } from "./parse-numeric-flags";

export const publishCommand = defineCommand({
  name: "publish",
  summary: "Make a candidate version active, if it passes the gates.",
  help: `Checks the gates (every stored metric is a finite number; validation recall@20 not worse than the active
version's by more than --max-drop) and then, in one transaction, retires the active version and activates this one.
Running web processes pick the new version up within seconds. Exit code 1 when a gate fails (nothing changes).
The change is recorded in the audit log (worker:<os user>@<host>, forced or not) in the same transaction.`,
  flags: {
    version: { type: "string", valueName: "N", description: "the model version id to publish (required)" },
    force: { type: "boolean", description: "publish even when a gate fails (the failures are still printed)" },
    "max-drop": MAX_DROP_FLAG,
  },
  async run({ flags, env, stdout, stderr }) {
    const id = parseVersionId("--version", flags.version);
    const maxDrop = parseMaxDrop(flags["max-drop"]);
    const { db } = createDb(env.databaseUrl);
    try {
      const result = await publishWithGates(db, id, { force: flags.force, maxDrop, actor: workerActor() });
      for (const failure of result.gates.failures) stderr.write(`gate: ${failure}\n`);
      if (!result.published) {
        stderr.write(`version ${id} not published: gates failed (use --force to override)\n`);
        return 1;
      }
      if (!result.changed) {
        stdout.write(`version ${id} is already active\n`);
        return 0;
      }
      stdout.write(
        `published version ${result.activated}${result.retired !== null ? ` (retired ${result.retired})` : ""}` +
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

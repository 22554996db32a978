import { createDb, listModelVersions } from "@jewelguide/db";
import { defineCommand } from "../cli/command";
import { formatVersionsTable } from "./format-versions-table";

export const versionsCommand = defineCommand({
  name: "versions",
  summary: "List the model versions with status, kind and offline metrics.",
  help: `One line per version, newest first: id, status (active | candidate | retired | failed), kind, validation and
test recall@20 / ndcg@20 from the offline protocol, artifact size and creation time. --json prints the rows as JSON.`,
  flags: {
    json: { type: "boolean", description: "print JSON instead of a table" },
  },
  async run({ flags, env, stdout }) {
    const { db } = createDb(env.databaseUrl);
    try {
      const versions = await listModelVersions(db);
      if (flags.json) {
        stdout.write(`${JSON.stringify(versions, null, 2)}\n`);
        return 0;
      }
      if (versions.length === 0) {
        stdout.write("no model versions yet: run `npm run worker -- train`\n");
        return 0;
      }
      stdout.write(formatVersionsTable(versions));
      return 0;
    } finally {
      await db.$disconnect();
    }
  },
});

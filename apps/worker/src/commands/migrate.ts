import { migrateDatabase, redact } from "@jewelguide/db";
import { defineCommand } from "../cli/command";

export const migrateCommand = defineCommand({
  name: "migrate",
  summary: "Apply pending database migrations to DATABASE_URL.",
  help: `Applies every migration in prisma/migrations (SQLite) or prisma/postgres/migrations (PostgreSQL) that the
database has not seen yet, each in its own transaction, and prints which were applied. Safe to run again.`,
  flags: {},
  async run({ env, stdout }) {
    const result = await migrateDatabase(env.databaseUrl);
    stdout.write(`database: ${redact(env.databaseUrl)} (${result.dialect})\n`);
    for (const name of result.applied) stdout.write(`applied: ${name}\n`);
    stdout.write(
      result.applied.length === 0
        ? `up to date (${result.alreadyApplied.length} migration(s) already applied)\n`
        : `${result.applied.length} migration(s) applied, ${result.alreadyApplied.length} already applied\n`,
    );
    return 0;
  },
});

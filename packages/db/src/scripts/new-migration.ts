// Usage: pnpm --filter @jewelguide/db exec tsx src/scripts/new-migration.ts <name>
// Writes the SQL that takes the last migrated schema to the current one, for SQLite and PostgreSQL alike.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { migrationsDir, postgresSchemaPath, sqliteSchemaPath } from "../paths";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: new-migration <name> (lower-case letters, digits and _)");
  process.exit(2);
}
const packageDir = path.resolve(import.meta.dirname, "../..");
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
for (const [dialect, schema] of [
  ["sqlite", sqliteSchemaPath],
  ["postgresql", postgresSchemaPath],
] as const) {
  const dir = migrationsDir(dialect);
  const snapshot = path.join(dir, "schema.snapshot.prisma");
  const from = fs.existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  let sql = execFileSync(
    "pnpm",
    ["exec", "prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"],
    {
      cwd: packageDir,
      encoding: "utf8",
    },
  );
  // Prisma 6.19 writes SQLite JSON defaults unquoted (DEFAULT {}), which SQLite cannot parse.
  if (dialect === "sqlite") sql = sql.replace(/DEFAULT (\{\}|\[\])/g, "DEFAULT '$1'");
  if (!/\S/.test(sql.replace(/^--.*$/gm, ""))) {
    console.log(`${dialect}: schema unchanged, no migration written`);
    continue;
  }
  const target = path.join(dir, `${stamp}_${name}`);
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(path.join(target, "migration.sql"), sql);
  fs.copyFileSync(schema, snapshot);
  console.log(`${dialect}: wrote ${path.relative(process.cwd(), target)}/migration.sql`);
}

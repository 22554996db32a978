// Derives the PostgreSQL schema from prisma/schema.prisma and generates both Prisma clients (offline, JS engine).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { derivePostgresSchema } from "../derive-postgres-schema";
import { postgresSchemaPath, sqliteSchemaPath } from "../paths";

const packageDir = path.resolve(import.meta.dirname, "../..");
fs.mkdirSync(path.dirname(postgresSchemaPath), { recursive: true });
fs.writeFileSync(postgresSchemaPath, derivePostgresSchema(fs.readFileSync(sqliteSchemaPath, "utf8")));
for (const schema of [sqliteSchemaPath, postgresSchemaPath]) {
  execFileSync("pnpm", ["exec", "prisma", "generate", "--schema", schema], { cwd: packageDir, stdio: "inherit" });
}

import path from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute paths of the files the db package owns. */
// import.meta.url, not import.meta.dirname: Next's server bundler supports only the former.
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const prismaDir = path.join(repoRoot, "prisma");
export const sqliteSchemaPath = path.join(prismaDir, "schema.prisma");
export const postgresSchemaPath = path.join(prismaDir, "postgres", "schema.prisma");

export type Dialect = "sqlite" | "postgresql";

/** Each dialect keeps its own migrations folder, written from the same schema. */
export function migrationsDir(dialect: Dialect): string {
  return dialect === "sqlite" ? path.join(prismaDir, "migrations") : path.join(prismaDir, "postgres", "migrations");
}

import path from "node:path";

/** Absolute paths of the files the db package owns. */
export const repoRoot = path.resolve(import.meta.dirname, "../../..");
export const prismaDir = path.join(repoRoot, "prisma");
export const sqliteSchemaPath = path.join(prismaDir, "schema.prisma");
export const postgresSchemaPath = path.join(prismaDir, "postgres", "schema.prisma");

export type Dialect = "sqlite" | "postgresql";

/** Each dialect keeps its own migrations folder, written from the same schema. */
export function migrationsDir(dialect: Dialect): string {
  return dialect === "sqlite" ? path.join(prismaDir, "migrations") : path.join(prismaDir, "postgres", "migrations");
}

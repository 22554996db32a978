export type {
  AbTest,
  ImportRun,
  Interaction,
  ModelVersion,
  Product,
  StaffSession,
  StaffUser,
  User,
} from "../generated/sqlite/client";
export { Prisma } from "../generated/sqlite/client";
export { createDb, type Db, type DbHandle, sqlReaderOf } from "./client";
export { type DatabaseTarget, parseDatabaseUrl, redact } from "./database-url";
export { type MigrateResult, migrateDatabase, readMigrations } from "./migrate";
export * from "./model-versions";
export { type Dialect, repoRoot } from "./paths";
export { type SqlParam, type SqlReader, toSqliteDateTime } from "./sql-reader";
export * from "./staff";

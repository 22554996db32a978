export type {
  AbTest,
  ApiKey,
  AuditLog,
  ImportRun,
  Interaction,
  ModelVersion,
  Product,
  StaffSession,
  StaffUser,
  User,
} from "../generated/sqlite/client";
export { Prisma } from "../generated/sqlite/client";
export * from "./api-keys";
export * from "./audit";
export { createDb, type Db, type DbHandle, type DbTransaction } from "./client";
export { type DatabaseTarget, parseDatabaseUrl, redact } from "./database-url";
export { createImpressionWriter, type ImpressionRow, type ImpressionWriter } from "./impression-writer";
export { isUniqueViolation } from "./is-unique-violation";
export { type MigrateResult, migrateDatabase, readMigrations } from "./migrate";
export * from "./model-versions";
export { type Dialect, repoRoot } from "./paths";
export * from "./queries";
export { type SqlParam, type SqlReader, toSqliteDateTime } from "./sql-reader";
export * from "./staff";

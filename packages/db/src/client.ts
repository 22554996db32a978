import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresPrismaClient } from "../generated/postgres/client";
import type { Prisma } from "../generated/sqlite/client";
import { PrismaClient as SqlitePrismaClient } from "../generated/sqlite/client";
import { type DatabaseTarget, parseDatabaseUrl } from "./database-url";
import { createSqlReader, type SqlReader } from "./sql-reader";

/**
 * The database client. Both dialects are generated from one schema and expose the same API, so the rest of the
 * code sees a single type.
 */
export type Db = SqlitePrismaClient;
/** An interactive transaction's client (`db.$transaction(async (tx) => ...)`): what multi-step writes take. */
export type DbTransaction = Prisma.TransactionClient;
/**
 * An opened database: the Prisma client, where it points, and the SQL reader (prepared statements on the driver) the
 * hot queries in `queries/` run on. Whoever opens it keeps all three together and closes both clients.
 */
export type DbHandle = { db: Db; target: DatabaseTarget; sql: SqlReader };

/** Opens the database named by the URL (SQLite file or PostgreSQL server). Creates the SQLite folder if missing. */
export function createDb(url: string): DbHandle {
  const target = parseDatabaseUrl(url);
  if (target.dialect === "sqlite") {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const adapter = new PrismaBetterSQLite3({ url: target.url, timeout: 15_000 });
    return { db: new SqlitePrismaClient({ adapter }), target, sql: createSqlReader(target) };
  }
  const adapter = new PrismaPg({ connectionString: target.url, max: 10 });
  const db = new PostgresPrismaClient({ adapter }) as unknown as Db;
  return { db, target, sql: createSqlReader(target) };
}

import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresPrismaClient } from "../generated/postgres/client";
import type { Prisma } from "../generated/sqlite/client";
import { PrismaClient as SqlitePrismaClient } from "../generated/sqlite/client";
import { clientState, readClientState } from "./client-state";
import { type DatabaseTarget, parseDatabaseUrl } from "./database-url";
import { createSqlReader, type SqlReader } from "./sql-reader";

/**
 * The database client. Both dialects are generated from one schema and expose the same API, so the rest of the
 * code sees a single type.
 */
export type Db = SqlitePrismaClient;
/** An interactive transaction's client (`db.$transaction(async (tx) => ...)`): what multi-step writes take. */
export type DbTransaction = Prisma.TransactionClient;
export type DbHandle = { db: Db; target: DatabaseTarget; sql: SqlReader };

const SQL_READER = "db.sqlReader";

/**
 * The SqlReader opened with this client's database. createDb stores it on the client itself (clientState), so every
 * bundled copy of this module finds it.
 */
export function sqlReaderOf(db: Db): SqlReader {
  const reader = readClientState<SqlReader>(db, SQL_READER);
  if (!reader) throw new Error("This database client was not created by createDb: it has no SQL reader.");
  return reader;
}

/** Opens the database named by the URL (SQLite file or PostgreSQL server). Creates the SQLite folder if missing. */
export function createDb(url: string): DbHandle {
  const target = parseDatabaseUrl(url);
  if (target.dialect === "sqlite") {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const adapter = new PrismaBetterSQLite3({ url: target.url, timeout: 15_000 });
    return register({ db: new SqlitePrismaClient({ adapter }), target, sql: createSqlReader(target) });
  }
  const adapter = new PrismaPg({ connectionString: target.url, max: 10 });
  const db = new PostgresPrismaClient({ adapter }) as unknown as Db;
  return register({ db, target, sql: createSqlReader(target) });
}

function register(handle: DbHandle): DbHandle {
  clientState(handle.db, SQL_READER, () => handle.sql);
  return handle;
}

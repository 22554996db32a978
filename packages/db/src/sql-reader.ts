import crypto from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "./database-url";

export type SqlParam = string | number | Date | null;

/**
 * Read-only SQL straight on the driver, for the few hot queries that run on every request (a shopper's recent events
 * on every feed and guide call): a prepared statement on the driver costs a tenth of Prisma's `$queryRaw` for it
 * (BENCHMARKS.md §4, "Design measurements"). Statements are written once with
 * PostgreSQL's `$1, $2 …` placeholders and quoted identifiers and run unchanged on both dialects. Rows come back as the
 * driver gives them: on SQLite, DateTime and Json columns are text. Opened on first use.
 */
export type SqlReader = {
  all<Row>(sql: string, params: readonly SqlParam[]): Promise<Row[]>;
  close(): Promise<void>;
};

export function createSqlReader(target: DatabaseTarget): SqlReader {
  return target.dialect === "sqlite" ? createSqliteReader(target.file) : createPostgresReader(target.url);
}

function createSqliteReader(file: string): SqlReader {
  let connection: Database.Database | undefined;
  const statements = new Map<string, Database.Statement>();
  return {
    async all<Row>(sql: string, params: readonly SqlParam[]): Promise<Row[]> {
      connection ??= new Database(file, { readonly: true, fileMustExist: true, timeout: 15_000 });
      let statement = statements.get(sql);
      if (!statement) {
        statement = connection.prepare(sql.replace(/\$(\d+)/g, "@p$1"));
        statements.set(sql, statement);
      }
      const named: Record<string, string | number | null> = {};
      params.forEach((param, index) => {
        named[`p${index + 1}`] = param instanceof Date ? toSqliteDateTime(param) : param;
      });
      return statement.all(named) as Row[];
    },
    async close() {
      statements.clear();
      connection?.close();
      connection = undefined;
    },
  };
}

/** DateTime as Prisma stores it in SQLite (`2024-01-02T03:04:05.678+00:00`), so text comparisons order correctly. */
export function toSqliteDateTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

function createPostgresReader(url: string): SqlReader {
  let pool: pg.Pool | undefined;
  const names = new Map<string, string>();
  return {
    async all<Row>(sql: string, params: readonly SqlParam[]): Promise<Row[]> {
      if (!pool) {
        pool = new pg.Pool({ connectionString: url, max: 4 });
        // An idle connection dropped by the server must not crash the process; the pool replaces it.
        pool.on("error", () => undefined);
      }
      let name = names.get(sql);
      if (!name) {
        name = `jg_${crypto.createHash("sha1").update(sql).digest("hex").slice(0, 16)}`;
        names.set(sql, name);
      }
      const result = await pool.query({ name, text: sql, values: [...params] });
      return result.rows as Row[];
    },
    async close() {
      const closing = pool;
      pool = undefined;
      await closing?.end();
    },
  };
}

import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "./database-url";
import { toSqliteDateTime } from "./sql-reader";

/** One served slot of a recommendation list, as the Impression table stores it. */
export type ImpressionRow = {
  requestId: string;
  shopperId: string | null;
  productId: number;
  slot: number;
  modelVersionId: number | null;
  policy: string;
  propensity: number;
  exploratory: boolean;
  surface: string;
  servedAt: Date;
};

/**
 * Writes served feeds' impressions straight on the driver: every feed request writes one, and through Prisma the
 * 12-row createMany cost more CPU than the rest of the request (docs/exploration.md, "Cost"). One transaction of a
 * prepared insert on SQLite, one multi-row prepared INSERT on PostgreSQL; doubles are sent as JavaScript writes them,
 * so the stored propensity is bit for bit the served one (Prisma's PostgreSQL adapter keeps 16 digits). Opened on
 * first use.
 */
export type ImpressionWriter = {
  insert(rows: readonly ImpressionRow[]): Promise<void>;
  close(): Promise<void>;
};

const COLUMNS = [
  "requestId",
  "shopperId",
  "productId",
  "slot",
  "modelVersionId",
  "policy",
  "propensity",
  "exploratory",
  "surface",
  "servedAt",
] as const;
const COLUMN_LIST = COLUMNS.map((column) => `"${column}"`).join(", ");

export function createImpressionWriter(target: DatabaseTarget): ImpressionWriter {
  return target.dialect === "sqlite" ? createSqliteWriter(target.file) : createPostgresWriter(target.url);
}

function createSqliteWriter(file: string): ImpressionWriter {
  let insertAll: ((rows: readonly ImpressionRow[]) => void) | undefined;
  let connection: Database.Database | undefined;
  return {
    async insert(rows) {
      if (rows.length === 0) return;
      if (!insertAll) {
        connection = new Database(file, { fileMustExist: true, timeout: 15_000 });
        const statement = connection.prepare(
          `INSERT INTO "Impression" (${COLUMN_LIST}) VALUES (${COLUMNS.map(() => "?").join(", ")})`,
        );
        insertAll = connection.transaction((batch: readonly ImpressionRow[]) => {
          for (const row of batch) {
            statement.run(
              row.requestId,
              row.shopperId,
              row.productId,
              row.slot,
              row.modelVersionId,
              row.policy,
              row.propensity,
              row.exploratory ? 1 : 0,
              row.surface,
              toSqliteDateTime(row.servedAt),
            );
          }
        });
      }
      insertAll(rows);
    },
    async close() {
      insertAll = undefined;
      connection?.close();
      connection = undefined;
    },
  };
}

function createPostgresWriter(url: string): ImpressionWriter {
  let pool: pg.Pool | undefined;
  return {
    async insert(rows) {
      if (rows.length === 0) return;
      if (!pool) {
        pool = new pg.Pool({ connectionString: url, max: 2 });
        // An idle connection dropped by the server must not crash the process; the pool replaces it.
        pool.on("error", () => undefined);
      }
      const values = rows.map((_, r) => `(${COLUMNS.map((_, c) => `$${r * COLUMNS.length + c + 1}`).join(", ")})`);
      await pool.query({
        name: `jg_impressions_${rows.length}`,
        text: `INSERT INTO "Impression" (${COLUMN_LIST}) VALUES ${values.join(", ")}`,
        values: rows.flatMap((row) => [
          row.requestId,
          row.shopperId,
          row.productId,
          row.slot,
          row.modelVersionId,
          row.policy,
          row.propensity,
          row.exploratory,
          row.surface,
          // timestamp(3) without time zone holds UTC, as Prisma writes it: send the UTC text, not a local Date.
          row.servedAt.toISOString(),
        ]),
      });
    },
    async close() {
      const closing = pool;
      pool = undefined;
      await closing?.end();
    },
  };
}

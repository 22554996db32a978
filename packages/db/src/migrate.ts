import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { parseDatabaseUrl } from "./database-url";
import { type Dialect, migrationsDir } from "./paths";

export type Migration = { name: string; sql: string; checksum: string };
export type MigrateResult = { dialect: Dialect; applied: string[]; alreadyApplied: string[] };

const TRACKING_TABLE = "_jewelguide_migrations";

/** Reads `<dir>/<timestamp>_<name>/migration.sql`, in name order. */
export function readMigrations(dialect: Dialect, dir = migrationsDir(dialect)): Migration[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Applies every pending migration, each in its own transaction, and records it. Prisma's own `migrate deploy`
 * cannot run offline against PostgreSQL through a driver adapter, so one small runner serves both dialects.
 * A migration whose file changed after it was applied is refused, naming the migration.
 */
export async function migrateDatabase(url: string): Promise<MigrateResult> {
  const target = parseDatabaseUrl(url);
  const migrations = readMigrations(target.dialect);
  if (target.dialect === "sqlite") {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const sqlite = new Database(target.file);
    try {
      sqlite.pragma("journal_mode = WAL");
      sqlite.exec(
        `CREATE TABLE IF NOT EXISTS "${TRACKING_TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`,
      );
      const rows = sqlite.prepare(`SELECT name, checksum FROM "${TRACKING_TABLE}"`).all() as AppliedRow[];
      const plan = planMigrations(migrations, rows);
      for (const migration of plan.pending) {
        sqlite.transaction(() => {
          sqlite.exec(migration.sql);
          sqlite
            .prepare(`INSERT INTO "${TRACKING_TABLE}" (name, checksum, applied_at) VALUES (?, ?, ?)`)
            .run(migration.name, migration.checksum, new Date().toISOString());
        })();
      }
      return { dialect: "sqlite", applied: plan.pending.map((m) => m.name), alreadyApplied: plan.done };
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    // One migrator at a time across processes.
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${TRACKING_TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`,
    );
    const { rows } = await client.query<AppliedRow>(`SELECT name, checksum FROM "${TRACKING_TABLE}"`);
    const plan = planMigrations(migrations, rows);
    for (const migration of plan.pending) {
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO "${TRACKING_TABLE}" (name, checksum, applied_at) VALUES ($1, $2, $3)`, [
          migration.name,
          migration.checksum,
          new Date().toISOString(),
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${migration.name} failed on PostgreSQL: ${(error as Error).message}`);
      }
    }
    return { dialect: "postgresql", applied: plan.pending.map((m) => m.name), alreadyApplied: plan.done };
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => undefined);
    await client.end();
  }
}

type AppliedRow = { name: string; checksum: string };

function planMigrations(migrations: Migration[], applied: AppliedRow[]): { pending: Migration[]; done: string[] } {
  const byName = new Map(applied.map((row) => [row.name, row.checksum]));
  for (const row of applied) {
    if (!migrations.some((m) => m.name === row.name)) {
      throw new Error(
        `database has migration ${row.name}, which this checkout does not know: is the code older than the database?`,
      );
    }
  }
  const pending: Migration[] = [];
  const done: string[] = [];
  for (const migration of migrations) {
    const checksum = byName.get(migration.name);
    if (checksum === undefined) pending.push(migration);
    else if (checksum !== migration.checksum) {
      throw new Error(
        `migration ${migration.name} was edited after it was applied (checksum differs); write a new migration instead`,
      );
    } else done.push(migration.name);
  }
  return { pending, done };
}

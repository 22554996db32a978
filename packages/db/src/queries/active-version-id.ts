import type { SqlReader } from "../sql-reader";

const ACTIVE_VERSION_SQL = `SELECT "id" FROM "ModelVersion" WHERE "status" = 'active' ORDER BY "id" DESC LIMIT 1`;

/**
 * The id of the active model version, or null: the cheap query behind every web process's periodic check (indexed by
 * status), as a prepared statement on the driver.
 */
export async function readActiveVersionId(sql: SqlReader): Promise<number | null> {
  const [active] = await sql.all<{ id: number }>(ACTIVE_VERSION_SQL, []);
  return active ? active.id : null;
}

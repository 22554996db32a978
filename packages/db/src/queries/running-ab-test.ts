import type { SqlReader } from "../sql-reader";

/** A running A/B test's split: which versions serve, and the share of shoppers on version B. */
export type RunningAbTestRow = { id: number; versionAId: number; versionBId: number; shareB: number };

const RUNNING_TEST_SQL = `
  SELECT "id", "versionAId", "versionBId", "shareB" FROM "AbTest"
  WHERE "status" = 'running' ORDER BY "id" DESC LIMIT 1`;

/** The newest running test, or null (a prepared statement on the driver: every web process reads it every few seconds). */
export async function readRunningAbTest(sql: SqlReader): Promise<RunningAbTestRow | null> {
  const [row] = await sql.all<RunningAbTestRow>(RUNNING_TEST_SQL, []);
  return row ? { id: row.id, versionAId: row.versionAId, versionBId: row.versionBId, shareB: row.shareB } : null;
}

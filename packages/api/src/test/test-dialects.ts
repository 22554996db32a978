import { testPostgresServerUrl } from "@jewelguide/db/testing";

export type TestDialect = { name: "sqlite" | "postgresql"; server: string | undefined; skip: boolean };

const postgresServer = testPostgresServerUrl();

/**
 * Every service test runs on both storages: SQLite always, PostgreSQL when JEWELGUIDE_TEST_POSTGRES_URL names a
 * server (`npm test` starts one); otherwise the PostgreSQL cases are reported as skipped.
 */
export const testDialects: TestDialect[] = [
  { name: "sqlite", server: undefined, skip: false },
  { name: "postgresql", server: postgresServer, skip: postgresServer === undefined },
];

import crypto from "node:crypto";
import pg from "pg";

/** The PostgreSQL server URL for tests (CI sets it); tests that need it skip with a reason when it is unset. */
export const POSTGRES_URL = process.env.JEWELGUIDE_TEST_POSTGRES_URL;

/** Creates a uniquely named database on the server and returns its URL and a function that drops it. */
export async function createPostgresDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `jewelguide_test_${Date.now()}_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

import type { Db } from "@jewelguide/db";

/** Every A/B test, newest first. */
export async function listAbTests(db: Db) {
  return db.abTest.findMany({ orderBy: { id: "desc" } });
}

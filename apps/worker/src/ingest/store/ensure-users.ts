import type { Tx } from "../write-batch";
import { findUserIds } from "./find-ids";
import { type Dialect, insertRows } from "./insert-rows";

/**
 * Makes sure a user exists for each external id (creating missing ones with gender "unknown"); never changes
 * existing users. Returns the ids of all of them and how many were created.
 */
export async function ensureUsers(
  tx: Tx,
  dialect: Dialect,
  externalIds: Iterable<string>,
): Promise<{ ids: Map<string, number>; created: number }> {
  const wanted = [...new Set(externalIds)];
  const ids = await findUserIds(tx, wanted);
  const missing = wanted.filter((id) => !ids.has(id));
  if (missing.length === 0) return { ids, created: 0 };
  const now = new Date();
  await insertRows(
    tx,
    dialect,
    "User",
    ["externalId", "gender", "createdAt"],
    missing.map((externalId) => [externalId, "unknown", now]),
  );
  for (const [key, id] of await findUserIds(tx, missing)) ids.set(key, id);
  return { ids, created: missing.length };
}

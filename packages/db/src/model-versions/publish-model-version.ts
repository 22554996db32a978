import type { Db } from "../client";
import { activateVersion } from "./activate-version";

/**
 * Makes a version the active one, atomically (activateVersion in its own transaction), with no gates and no audit
 * entry: the primitive for seeding and crash tests. Every operator's or admin's publish goes through publishWithGates
 * or rollbackModelVersion, which check the gates and record who did it in the same transaction.
 */
export async function publishModelVersion(db: Db, id: number): Promise<{ activated: number; retired: number | null }> {
  const { activated, retired } = await db.$transaction((tx) => activateVersion(tx, id));
  return { activated, retired };
}

import type { User } from "@jewelguide/db";
import { chunk, type Tx } from "../write-batch";
import { stableJson } from "./stable-json";
import { emptySyncCounts, type SyncCounts } from "./sync-counts";

export type UserInput = {
  externalId: string;
  gender: string;
  ageBand: string | null;
  city: string | null;
  attributes: Record<string, unknown>;
};

/** Creates or updates users by external id; users whose data are equal are left untouched. */
export async function upsertUsers(tx: Tx, items: UserInput[]): Promise<SyncCounts> {
  const existing = new Map<string, User>();
  for (const part of chunk(items, 500)) {
    const rows = await tx.user.findMany({ where: { externalId: { in: part.map((item) => item.externalId) } } });
    for (const row of rows) existing.set(row.externalId, row);
  }
  const counts = emptySyncCounts();
  const toCreate: UserInput[] = [];
  for (const item of items) {
    const stored = existing.get(item.externalId);
    const attributes = JSON.parse(JSON.stringify(item.attributes)) as object;
    if (!stored) toCreate.push(item);
    else if (
      stored.gender === item.gender &&
      stored.ageBand === item.ageBand &&
      stored.city === item.city &&
      stableJson(stored.attributes) === stableJson(attributes)
    ) {
      counts.unchanged += 1;
    } else {
      await tx.user.update({ where: { id: stored.id }, data: { ...item, attributes } });
      counts.updated += 1;
    }
  }
  if (toCreate.length > 0) {
    await tx.user.createMany({
      data: toCreate.map((item) => ({ ...item, attributes: JSON.parse(JSON.stringify(item.attributes)) as object })),
    });
    counts.created = toCreate.length;
  }
  return counts;
}

import crypto from "node:crypto";
import type { Db } from "@jewelguide/db";

export type HeldOutShopper = { externalId: string; history: number[]; heldOut: number };

/**
 * Real shoppers' behaviour to replay: shoppers of the imported data (not web or simulated traffic) with at least two
 * distinct purchased products; the last purchase (by time) is held out, the earlier ones (up to `historyLength`, most
 * recent) are the history. `count` shoppers are chosen by a seeded hash order, so a seed gives the same sample.
 */
export async function loadHeldOutShoppers(
  db: Db,
  options: { count: number; historyLength: number; seed: string },
): Promise<HeldOutShopper[]> {
  const rows = await db.interaction.findMany({
    where: { type: "purchase", source: { notIn: ["web", "simulation"] } },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: { productId: true, user: { select: { externalId: true } } },
  });
  const byShopper = new Map<string, number[]>();
  for (const row of rows) {
    const items = byShopper.get(row.user.externalId) ?? [];
    const index = items.indexOf(row.productId);
    if (index >= 0) items.splice(index, 1);
    items.push(row.productId);
    byShopper.set(row.user.externalId, items);
  }
  const order = (id: string) => crypto.createHash("sha256").update(`${options.seed}:${id}`).digest("hex");
  return [...byShopper.entries()]
    .filter(([, items]) => items.length >= 2)
    .sort(([a], [b]) => order(a).localeCompare(order(b)))
    .slice(0, options.count)
    .map(([externalId, items]) => ({
      externalId,
      history: items.slice(0, -1).slice(-options.historyLength),
      heldOut: items[items.length - 1] ?? 0,
    }));
}

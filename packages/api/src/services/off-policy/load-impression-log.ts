import type { Db, ImpressionRow, OffPolicyReward } from "@jewelguide/db";

/** How far down the funnel an impression's attributed events went: each level counts the deeper ones. */
const FUNNEL: Record<string, number> = { click: 1, cart: 2, purchase: 3 };
const REWARD_LEVEL: Record<OffPolicyReward, number> = { click: 1, cart: 2, purchase: 3 };

/** One stored impression (the row the feed wrote) with what its attributed events earned. */
export type LoggedImpression = ImpressionRow & {
  /** 0: nothing attributed; 1: a click; 2: a cart; 3: a purchase (the deepest attributed event). */
  funnelLevel: number;
  /** When its first attributed click, cart or purchase happened (null: none). */
  firstRewardAt: Date | null;
};

/** 1 when the impression earned `reward` (a purchase also counts as a cart and a click), else 0. */
export function rewardOf(impression: LoggedImpression, reward: OffPolicyReward): number {
  return impression.funnelLevel >= REWARD_LEVEL[reward] ? 1 : 0;
}

/**
 * Every stored impression served up to `until`, oldest first, joined to the clicks, carts and purchases attributed to
 * it (Interaction rows with its requestId, slot and product: the server verified that attribution when it stored them).
 * All impressions, not only exploratory ones: the replayed exploration posteriors and the reward model read them all.
 */
export async function loadImpressionLog(db: Db, until: Date): Promise<LoggedImpression[]> {
  const rows = await db.impression.findMany({
    where: { servedAt: { lte: until } },
    orderBy: [{ servedAt: "asc" }, { id: "asc" }],
    select: {
      requestId: true,
      shopperId: true,
      productId: true,
      slot: true,
      modelVersionId: true,
      policy: true,
      propensity: true,
      exploratory: true,
      surface: true,
      servedAt: true,
    },
  });
  if (rows.length === 0) return [];
  const first = rows[0]?.servedAt ?? until;
  const events = await db.interaction.findMany({
    where: {
      type: { in: Object.keys(FUNNEL) },
      occurredAt: { gte: first },
      requestId: { not: null },
      slot: { not: null },
    },
    select: { requestId: true, slot: true, productId: true, type: true, occurredAt: true },
  });
  const outcome = new Map<string, { level: number; firstAt: Date }>();
  for (const event of events) {
    const key = `${event.requestId}|${event.slot}|${event.productId}`;
    const level = FUNNEL[event.type] ?? 0;
    const seen = outcome.get(key);
    if (!seen) outcome.set(key, { level, firstAt: event.occurredAt });
    else {
      seen.level = Math.max(seen.level, level);
      if (event.occurredAt < seen.firstAt) seen.firstAt = event.occurredAt;
    }
  }
  return rows.map((row) => {
    const earned = outcome.get(`${row.requestId}|${row.slot}|${row.productId}`);
    return { ...row, funnelLevel: earned?.level ?? 0, firstRewardAt: earned?.firstAt ?? null };
  });
}

import type { SqlReader } from "../sql-reader";
import { toCount } from "./parse-driver-values";

/** The events that count as a reward for the impression they are attributed to. */
export const EXPLORATION_REWARD_TYPES = ["click", "cart", "purchase"] as const;

/** One product's logged evidence: feed impressions, and how many of them got a reward attributed to them. */
export type ExplorationEvidenceRow = { productId: number; impressions: number; rewards: number };

/**
 * Per product: its stored impressions, and the impressions (request, slot) with at least one click, cart or purchase
 * attributed to them (Interaction rows carry the request id and slot of a verified attribution). One statement: the
 * impressions grouped by product, plus the rewarded ones found from the few attributed reward events through the
 * impression's unique (requestId, slot) index, so no index on Interaction.requestId is needed.
 */
const EVIDENCE_SQL = `
  SELECT e."productId", SUM(e."shown") AS "impressions", SUM(e."rewarded") AS "rewards"
  FROM (
    SELECT im."productId", 1 AS "shown", 0 AS "rewarded" FROM "Impression" im
    UNION ALL
    SELECT im."productId", 0 AS "shown", 1 AS "rewarded"
    FROM (
      SELECT DISTINCT i."requestId", i."slot", i."productId" FROM "Interaction" i
      WHERE i."type" IN (${EXPLORATION_REWARD_TYPES.map((type) => `'${type}'`).join(", ")})
        AND i."requestId" IS NOT NULL AND i."slot" IS NOT NULL
    ) r
    JOIN "Impression" im ON im."requestId" = r."requestId" AND im."slot" = r."slot" AND im."productId" = r."productId"
  ) e
  GROUP BY e."productId"`;

type DriverEvidenceRow = { productId: number; impressions: number | string; rewards: number | string };

/** Every product with at least one stored impression, with its evidence (the exploration policy's posteriors). */
export async function listExplorationEvidence(sql: SqlReader): Promise<ExplorationEvidenceRow[]> {
  const rows = await sql.all<DriverEvidenceRow>(EVIDENCE_SQL, []);
  return rows.map((row) => ({
    productId: Number(row.productId),
    impressions: toCount(row.impressions),
    rewards: toCount(row.rewards),
  }));
}

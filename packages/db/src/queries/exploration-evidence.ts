import type { SqlReader } from "../sql-reader";
import { toCount } from "./parse-driver-values";

/** The events that count as a reward for the impression they are attributed to. */
export const EXPLORATION_REWARD_TYPES = ["click", "cart", "purchase"] as const;

/** One product's logged evidence: feed impressions, and how many of them got a reward attributed to them. */
export type ExplorationEvidenceRow = { productId: number; impressions: number; rewards: number };

/**
 * Per product, as the logs stood at `$1`: its impressions served before then, and those impressions (request, slot)
 * whose first attributed click, cart or purchase happened before then (Interaction rows carry the request id and slot
 * of a verified attribution). One statement: the impressions grouped by product, plus the rewarded ones found from the
 * few attributed reward events through the impression's unique (requestId, slot) index, so no index on
 * Interaction.requestId is needed.
 */
const EVIDENCE_SQL = `
  SELECT e."productId", SUM(e."shown") AS "impressions", SUM(e."rewarded") AS "rewards"
  FROM (
    SELECT im."productId", 1 AS "shown", 0 AS "rewarded" FROM "Impression" im WHERE im."servedAt" < $1
    UNION ALL
    SELECT im."productId", 0 AS "shown", 1 AS "rewarded"
    FROM (
      SELECT i."requestId", i."slot", i."productId" FROM "Interaction" i
      WHERE i."type" IN (${EXPLORATION_REWARD_TYPES.map((type) => `'${type}'`).join(", ")})
        AND i."requestId" IS NOT NULL AND i."slot" IS NOT NULL
      GROUP BY i."requestId", i."slot", i."productId"
      HAVING MIN(i."occurredAt") < $1
    ) r
    JOIN "Impression" im ON im."requestId" = r."requestId" AND im."slot" = r."slot" AND im."productId" = r."productId"
    WHERE im."servedAt" < $1
  ) e
  GROUP BY e."productId"`;

type DriverEvidenceRow = { productId: number; impressions: number | string; rewards: number | string };

/**
 * Every product with an impression served before `before`, with its evidence then (the exploration policy's
 * posteriors; a cut-off time makes the evidence a request used derivable from the logs).
 */
export async function listExplorationEvidence(sql: SqlReader, before: Date): Promise<ExplorationEvidenceRow[]> {
  const rows = await sql.all<DriverEvidenceRow>(EVIDENCE_SQL, [before]);
  return rows.map((row) => ({
    productId: Number(row.productId),
    impressions: toCount(row.impressions),
    rewards: toCount(row.rewards),
  }));
}

import type { Db } from "@jewelguide/db";
import { ATTRIBUTION_MAX_AGE_MS, type Attribution, RECOMMENDATION_SURFACES } from "../../security/attribution-token";

/**
 * For carts and purchases that quote no attribution (the cart page and the demo checkout do not know which list a
 * piece came from): the shopper's own latest attributed event for the same product within ATTRIBUTION_MAX_AGE_MS, an
 * event whose attribution the server verified when it was stored. Nothing a client sends is believed here; a product
 * the shopper was never served from a list stays unattributed.
 */
export async function inheritAttribution(
  db: Db,
  shopperExternalId: string,
  productIds: number[],
  now: number,
): Promise<Map<number, Attribution>> {
  const inherited = new Map<number, Attribution>();
  if (productIds.length === 0) return inherited;
  const rows = await db.interaction.findMany({
    where: {
      user: { externalId: shopperExternalId },
      productId: { in: productIds },
      requestId: { not: null },
      occurredAt: { gte: new Date(now - ATTRIBUTION_MAX_AGE_MS) },
    },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    select: { productId: true, requestId: true, modelVersionId: true, slot: true, context: true },
  });
  for (const row of rows) {
    if (inherited.has(row.productId) || row.requestId === null || row.slot === null) continue;
    const surface = (row.context as { surface?: unknown } | null)?.surface;
    const known = RECOMMENDATION_SURFACES.find((candidate) => candidate === surface);
    if (!known) continue;
    inherited.set(row.productId, {
      requestId: row.requestId,
      modelVersionId: row.modelVersionId,
      surface: known,
      slot: row.slot,
      productId: row.productId,
    });
  }
  return inherited;
}

import type { ImpressionWriter } from "@jewelguide/db";

/** Where a feed was served: the shop's own pages, or a shop backend through the HTTP API. */
export type ImpressionSurface = "feed" | "api-feed";

/** One served slot as the impression log stores it. */
export type ServedSlot = { productId: number; slot: number; propensity: number; exploratory: boolean };

/**
 * Writes a served feed's impressions in one batch insert (a prepared statement on the driver: ImpressionWriter): each
 * slot's product, the policy and model version that served it and the exact probability the policy showed it there
 * with. Off-policy evaluation and the exploration policy's evidence read these rows.
 */
export async function logFeedImpressions(
  impressions: ImpressionWriter,
  served: {
    requestId: string;
    shopperId: string | undefined;
    modelVersionId: number | null;
    policy: string;
    surface: ImpressionSurface;
    /** When the feed was served: the moment its exploration evidence was taken for. */
    servedAt: Date;
  },
  slots: readonly ServedSlot[],
): Promise<void> {
  await impressions.insert(
    slots.map((slot) => ({
      requestId: served.requestId,
      shopperId: served.shopperId ?? null,
      productId: slot.productId,
      slot: slot.slot,
      modelVersionId: served.modelVersionId,
      policy: served.policy,
      propensity: slot.propensity,
      exploratory: slot.exploratory,
      surface: served.surface,
      servedAt: served.servedAt,
    })),
  );
}

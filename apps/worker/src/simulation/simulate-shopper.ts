import crypto from "node:crypto";
import type { ApiClient } from "./create-api-client";
import type { HeldOutShopper } from "./load-held-out-shoppers";

type FeedResponse = { requestId: string; modelVersionId: number | null; items: { id: number }[] };
export type SimulatedOutcome = { impressions: number; hit: boolean; modelVersionId: number | null };

/**
 * One synthetic shopper against the live API: views of the real shopper's earlier purchases (so the served model
 * folds them in), one feed request, impressions for what it showed, and — when the held-out item is among them — a
 * click, add-to-cart and purchase of it. Every event is sent with `simulated: true`.
 */
export async function simulateShopper(
  api: ApiClient,
  shopper: HeldOutShopper,
  options: { shopperId: string; k: number },
): Promise<SimulatedOutcome> {
  const log = (events: Record<string, unknown>[]) =>
    api.mutate("events.log", { shopperId: options.shopperId, simulated: true, events });
  const key = () => crypto.randomUUID();
  if (shopper.history.length > 0) {
    await log(
      shopper.history.map((productId) => ({ idempotencyKey: key(), type: "view", productId, surface: "simulation" })),
    );
  }
  const feed = await api.query<FeedResponse>("recommendations.feed", { shopperId: options.shopperId, k: options.k });
  const served = { requestId: feed.requestId, modelVersionId: feed.modelVersionId, surface: "feed" };
  if (feed.items.length > 0) {
    await log(
      feed.items.map((item, slot) => ({
        idempotencyKey: key(),
        type: "impression",
        productId: item.id,
        slot,
        ...served,
      })),
    );
  }
  const slot = feed.items.findIndex((item) => item.id === shopper.heldOut);
  if (slot >= 0) {
    const productId = shopper.heldOut;
    await log([
      { idempotencyKey: key(), type: "click", productId, slot, ...served },
      { idempotencyKey: key(), type: "cart", productId, ...served },
      { idempotencyKey: key(), type: "purchase", productId, orderId: key(), ...served },
    ]);
  }
  return { impressions: feed.items.length, hit: slot >= 0, modelVersionId: feed.modelVersionId };
}

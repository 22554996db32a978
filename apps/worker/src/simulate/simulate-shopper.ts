import crypto from "node:crypto";
import type { LogEventsInput } from "@jewelguide/api";
import type { ApiClient } from "./create-api-client";
import type { HeldOutShopper } from "./load-held-out-shoppers";

export type SimulatedOutcome = { impressions: number; hit: boolean; modelVersionId: number | null };

/**
 * One synthetic shopper against the live API, through a client of its own (`api`: its cookie jar holds the shopper
 * cookie the server issues on the first event; it sends the worker token, so the server stores the events as
 * simulated): views of the real shopper's earlier purchases (so the served model folds them in), one feed request,
 * impressions for what it showed and — when the held-out item is among them — a click, add-to-cart and purchase of it,
 * each quoting the item's signed attribution.
 */
export async function simulateShopper(
  api: ApiClient,
  shopper: HeldOutShopper,
  options: { k: number },
): Promise<SimulatedOutcome> {
  const log = (events: LogEventsInput["events"]) => api.events.log.mutate({ events });
  const key = () => crypto.randomUUID();
  if (shopper.history.length > 0) {
    await log(
      shopper.history.map((productId) => ({ idempotencyKey: key(), type: "view", productId, surface: "simulation" })),
    );
  }
  const feed = await api.recommendations.feed.query({ k: options.k });
  if (feed.items.length > 0) {
    await log(
      feed.items.map((item) => ({
        idempotencyKey: key(),
        type: "impression",
        productId: item.id,
        attribution: item.attribution,
      })),
    );
  }
  const hit = feed.items.find((item) => item.id === shopper.heldOut);
  if (hit) {
    const productId = hit.id;
    const attribution = hit.attribution;
    await log([
      { idempotencyKey: key(), type: "click", productId, attribution },
      { idempotencyKey: key(), type: "cart", productId, attribution },
      { idempotencyKey: key(), type: "purchase", productId, orderId: key(), attribution },
    ]);
  }
  return { impressions: feed.items.length, hit: hit !== undefined, modelVersionId: feed.modelVersionId };
}

import type { Context } from "../../context";
import type { ShopperIdentity } from "../../request-client";
import { type RecommendationSurface, signAttribution } from "../../security/attribution-token";
import type { ServerSecrets } from "../../security/server-secrets";
import type { RecommendedItem } from "./recommended-item";

/**
 * Whom a recommendation list is served to: the request's verified shopper (never input), and the server's keys (the
 * attribution key signs the served items, the A/B salt picks the shopper's arm).
 */
export type Audience = { shopper: ShopperIdentity | undefined; secrets: ServerSecrets; now?: number };

export function audienceOf(ctx: Pick<Context, "shopper" | "secrets">): Audience {
  return { shopper: ctx.shopper, secrets: ctx.secrets };
}

/**
 * Puts on each served item its signed `attribution` (signAttribution): the request id, model version, surface, slot
 * and product, bound to this shopper. Events quote it back; nothing else can claim a recommendation. A request with no
 * shopper gets tokens bound to no one, which no event can use.
 */
export function signServedItems<T extends Omit<RecommendedItem, "attribution">>(
  items: T[],
  served: { requestId: string; modelVersionId: number | null; surface: RecommendationSurface },
  audience: Audience,
): Array<T & { attribution: string }> {
  const now = audience.now ?? Date.now();
  const shopperId = audience.shopper?.externalId ?? "";
  return items.map((item) => ({
    ...item,
    attribution: signAttribution(
      {
        requestId: served.requestId,
        modelVersionId: served.modelVersionId,
        surface: served.surface,
        slot: item.slot,
        productId: item.id,
      },
      shopperId,
      audience.secrets.attributionKey,
      now,
    ),
  }));
}

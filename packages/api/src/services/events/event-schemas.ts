import { EVENT_TYPES } from "@jewelguide/model/events";
import { z } from "zod";

/** favourite / cart events say whether the item was added or removed (`context.action`); default "add". */
export const EVENT_ACTIONS = ["add", "remove"] as const;

/**
 * Where an event without a recommendation behind it happened. Recommendation lists (feed, guide, similar,
 * bought-together) are never named by the client: they come only from a verified `attribution` token.
 */
export const PAGE_SURFACES = ["product", "cart", "favorites", "shop", "simulation"] as const;

/** At most this many pieces per cart or purchase event (a jewelry order line; larger orders are not web traffic). */
export const MAX_EVENT_QUANTITY = 10;

/** The rules every event row follows, from the browser or a shop's backend: which types take `action` and `orderId`. */
export function withEventFieldRules<Schema extends z.ZodType<{ type: string; action?: string; orderId?: string }>>(
  schema: Schema,
): Schema {
  return schema
    .refine((event) => event.action === undefined || event.type === "favorite" || event.type === "cart", {
      message: "action is only for favorite and cart events",
      path: ["action"],
    })
    .refine((event) => event.orderId === undefined || event.type === "purchase", {
      message: "orderId is only for purchase events",
      path: ["orderId"],
    });
}

/**
 * One event as a browser (or the simulator) may send it. Everything the server can decide itself is not an input: the
 * shopper (the signed cookie), the price and currency (the catalog), whether it is simulated (the worker token) or a
 * demo checkout (every web purchase is one). Unknown fields are refused, so an old client that still sends `shopperId`
 * or `modelVersionId` learns it at once instead of being silently believed.
 */
export const ShopperEventSchema = withEventFieldRules(
  z.strictObject({
    /** Client-generated uuid: a re-sent event with the same key is stored once. */
    idempotencyKey: z.uuid(),
    type: z.enum(EVENT_TYPES),
    productId: z.number().int().positive(),
    /**
     * The `attribution` string the server put on the recommended item this event is about (impressions and clicks
     * from a list; carts and purchases may carry it too). Verified against the shopper and product: the request id,
     * model version, slot and surface are stored only from a valid one; an invalid one is dropped, the event kept.
     */
    attribution: z.string().max(256).optional(),
    /** The page the event happened on, when it is not a recommendation list. */
    surface: z.enum(PAGE_SURFACES).optional(),
    action: z.enum(EVENT_ACTIONS).optional(),
    /** Purchases: the order (a demo checkout sends one uuid for the whole cart). */
    orderId: z.string().trim().min(1).max(64).optional(),
    quantity: z.number().int().min(1).max(MAX_EVENT_QUANTITY).default(1),
  }),
);
export type ShopperEvent = z.output<typeof ShopperEventSchema>;

/** A batch of events of the request's own shopper (there is no shopper field: see ShopperEventSchema). */
export const LogEventsInputSchema = z.strictObject({
  events: z.array(ShopperEventSchema).min(1).max(100),
});
export type LogEventsInput = z.input<typeof LogEventsInputSchema>;
export type LogEventsOutput = z.output<typeof LogEventsInputSchema>;

import { EVENT_TYPES } from "@jewelguide/model";
import { z } from "zod";
import { ShopperIdSchema } from "./shopper-id-schema";

/** favourite / cart events say whether the item was added or removed (`context.action`); default "add". */
export const EVENT_ACTIONS = ["add", "remove"] as const;

export const ShopperEventSchema = z
  .object({
    /** Client-generated uuid: a re-sent event with the same key is stored once. */
    idempotencyKey: z.uuid(),
    type: z.enum(EVENT_TYPES),
    productId: z.number().int().positive(),
    /** Which list and which position the item was shown in (impressions, and clicks from a list). */
    slot: z.number().int().min(0).max(1000).optional(),
    requestId: z.string().trim().min(1).max(64).optional(),
    modelVersionId: z.number().int().positive().nullable().optional(),
    /** feed | guide | similar | bought-together | product | favorites | cart ... */
    surface: z
      .string()
      .trim()
      .regex(/^[a-z-]{1,32}$/)
      .optional(),
    action: z.enum(EVENT_ACTIONS).optional(),
    /** Purchases: the order (a demo checkout sends one uuid for the whole cart). */
    orderId: z.string().trim().min(1).max(64).optional(),
    quantity: z.number().int().min(1).max(99).default(1),
  })
  .refine((event) => event.action === undefined || event.type === "favorite" || event.type === "cart", {
    message: "action is only for favorite and cart events",
    path: ["action"],
  })
  .refine((event) => event.orderId === undefined || event.type === "purchase", {
    message: "orderId is only for purchase events",
    path: ["orderId"],
  });
export type ShopperEvent = z.output<typeof ShopperEventSchema>;

export const LogEventsInputSchema = z.object({
  shopperId: ShopperIdSchema,
  events: z.array(ShopperEventSchema).min(1).max(100),
  /** Marks a purchase as a demo checkout (no payment happened): stored in the event context. */
  demoCheckout: z.boolean().default(false),
  /** Synthetic traffic (worker simulate): stored with context.simulated = true, shown as such, never trained on. */
  simulated: z.boolean().default(false),
});
export type LogEventsInput = z.input<typeof LogEventsInputSchema>;

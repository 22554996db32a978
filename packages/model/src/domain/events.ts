/** Shopper event types, from weakest to strongest signal of preference. */
export const EVENT_TYPES = ["impression", "view", "click", "favorite", "cart", "purchase"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Default weight of each event type as implicit feedback (view < click < favorite < cart < purchase).
 * Impressions are exposure, not preference: weight 0. Configurable per training run.
 */
export const DEFAULT_EVENT_WEIGHTS: Readonly<Record<EventType, number>> = {
  impression: 0,
  view: 1,
  click: 2,
  favorite: 4,
  cart: 6,
  purchase: 10,
};

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * Taking an item out of the favourites or the cart is stored as a `favorite` / `cart` event whose context says
 * `{ "action": "remove" }`: not a signal of taste. The context may arrive parsed or as JSON text (raw SQL on SQLite).
 */
export function isRemovalContext(context: unknown): boolean {
  const value = typeof context === "string" && context.startsWith("{") ? parseJsonObject(context) : context;
  return typeof value === "object" && value !== null && "action" in value && value.action === "remove";
}

function parseJsonObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

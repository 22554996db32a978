import type { Db } from "@jewelguide/db";
import type { EventType } from "@jewelguide/model";

/** An action of the shopper on a product that says something about taste (impressions do not). */
export type ShopperAction = { productId: number; type: Exclude<EventType, "impression">; at: Date };

export type ShopperSignals = {
  /** Recent actions within the session window, oldest first; removals (context.action = "remove") left out. */
  recent: ShopperAction[];
  /** Every product the shopper ever bought: never recommended again. */
  purchasedIds: ReadonlySet<number>;
  /** Bought items, most recent first (anchors for "similar to what you bought"). */
  purchases: ShopperAction[];
};

const RECENT_TYPES = ["view", "click", "favorite", "cart"] as const;

export const NO_SIGNALS: ShopperSignals = { recent: [], purchasedIds: new Set(), purchases: [] };

/**
 * The shopper's latest events, read on every request so a view logged a moment ago shifts the very next
 * recommendations (they are folded into the user vector; no retraining). Two indexed queries.
 */
export async function loadShopperSignals(
  db: Db,
  shopperId: string | undefined,
  options: { windowMs: number; limit: number; now?: number },
): Promise<ShopperSignals> {
  if (shopperId === undefined) return NO_SIGNALS;
  const since = new Date((options.now ?? Date.now()) - options.windowMs);
  const user = { externalId: shopperId };
  const [recentRows, purchaseRows] = await Promise.all([
    db.interaction.findMany({
      where: { user, type: { in: [...RECENT_TYPES] }, occurredAt: { gte: since } },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: options.limit,
      select: { productId: true, type: true, occurredAt: true, context: true },
    }),
    db.interaction.findMany({
      where: { user, type: "purchase" },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      select: { productId: true, occurredAt: true },
    }),
  ]);
  const recent = recentRows
    .filter((row) => !isRemoval(row.context))
    .flatMap((row): ShopperAction[] => {
      const type = RECENT_TYPES.find((t) => t === row.type);
      return type ? [{ productId: row.productId, type, at: row.occurredAt }] : [];
    })
    .reverse();
  const purchases = purchaseRows.map(
    (row): ShopperAction => ({ productId: row.productId, type: "purchase", at: row.occurredAt }),
  );
  return { recent, purchases, purchasedIds: new Set(purchases.map((p) => p.productId)) };
}

/** Favourite and cart removals are stored as those event types with `context.action = "remove"`. */
export function isRemoval(context: unknown): boolean {
  return typeof context === "object" && context !== null && "action" in context && context.action === "remove";
}

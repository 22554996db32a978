import { listShopperSignalEvents, RECENT_SIGNAL_TYPES, type SqlReader } from "@jewelguide/db";
import { type EventType, isRemovalContext } from "@jewelguide/model";

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

export const NO_SIGNALS: ShopperSignals = { recent: [], purchasedIds: new Set(), purchases: [] };

/**
 * The shopper's latest events, read on every request so a view logged a moment ago shifts the very next
 * recommendations (they are folded into the user vector; no retraining), whichever web process logged it. One indexed
 * statement as a prepared statement on the driver (listShopperSignalEvents): it runs on every feed and guide request. Of the recent actions the newest `limit` count (removals included, then dropped); purchases all count.
 * With `before`, events at or after it are left out (with `now` at the same moment: the signals of a past request).
 */
export async function loadShopperSignals(
  sql: SqlReader,
  shopperId: string | undefined,
  options: { windowMs: number; limit: number; now?: number; before?: Date },
): Promise<ShopperSignals> {
  if (shopperId === undefined) return NO_SIGNALS;
  const since = new Date((options.now ?? Date.now()) - options.windowMs);
  const limit = Math.max(0, Math.floor(options.limit));
  const listed = await listShopperSignalEvents(sql, shopperId, since);
  // Replaying a past request (off-policy evaluation): only what the shopper had done before it was served.
  const { before } = options;
  const events = before === undefined ? listed : listed.filter((event) => event.at < before);
  events.sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id);
  const recent: ShopperAction[] = [];
  const purchases: ShopperAction[] = [];
  let recentSeen = 0;
  for (const event of events) {
    if (event.type === "purchase") {
      purchases.push({ productId: event.productId, type: "purchase", at: event.at });
      continue;
    }
    const type = RECENT_SIGNAL_TYPES.find((t) => t === event.type);
    if (!type || recentSeen >= limit) continue;
    recentSeen++;
    if (!isRemovalContext(event.context)) recent.push({ productId: event.productId, type, at: event.at });
  }
  recent.reverse();
  return { recent, purchases, purchasedIds: new Set(purchases.map((p) => p.productId)) };
}

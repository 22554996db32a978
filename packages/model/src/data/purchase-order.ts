/**
 * The one ordering of a shopper's purchases (issue 13, item 1), shared by the leave-last-out split and every model
 * that reads a history in time order: by time, and among purchases at the same time (one basket, one order) by the
 * FNV-1a 32-bit hash of the UTF-8 string "<user id>|<item id>", ascending. Ordering ties by item id would make the
 * test target always the basket's highest id — a direction no shopper has, which a sequence model learns; the hash is
 * a fixed order that carries no item information and differs from shopper to shopper.
 */

/** What the ordering reads from a purchase. */
export type OrderedPurchase = { userId: string; itemId: string; timestamp: number };

const FNV_OFFSET_BASIS = 2166136261;
const FNV_PRIME = 16777619;
const utf8 = new TextEncoder();

/** FNV-1a, 32 bits, over the UTF-8 bytes of `text`; an unsigned integer. */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of utf8.encode(text)) hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
  return hash;
}

/** The tie-break key of a (user, item) purchase among purchases at the same time. */
export function purchaseTieKey(userId: string, itemId: string): number {
  return fnv1a32(`${userId}|${itemId}`);
}

/**
 * Ascending purchase order: earlier first; at equal times, lower tie key first. Two items of one shopper whose keys
 * collide (about one pair in four billion) fall back to item id order, so the order is total.
 */
export function comparePurchaseOrder(a: OrderedPurchase, b: OrderedPurchase): number {
  if (a.timestamp !== b.timestamp) return a.timestamp - b.timestamp;
  const keyA = purchaseTieKey(a.userId, a.itemId);
  const keyB = purchaseTieKey(b.userId, b.itemId);
  if (keyA !== keyB) return keyA - keyB;
  return a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0;
}

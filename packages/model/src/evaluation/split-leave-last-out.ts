import { comparePurchaseOrder } from "../data/purchase-order";

/** The minimum a split needs from a row; the full interaction type passes straight through. */
export type TimedInteraction = { userId: string; itemId: string; timestamp: number };

/** One held-out (user, item) pair. */
export type HeldOutTarget = { userId: string; itemId: string; timestamp: number };

export type LeaveLastOutSplit<Row extends TimedInteraction> = {
  train: Row[];
  validation: HeldOutTarget[];
  test: HeldOutTarget[];
};

/**
 * The REES46 leave-last-out protocol:
 * 1. drop rows with an empty user or item id;
 * 2. deduplicate (user, item) pairs, keeping the earliest row (ties: first in input order);
 * 3. for users with ≥ `minItems` (default 3) distinct items, order their items by time, ties (items bought together)
 *    by the FNV-1a hash of "<user id>|<item id>" (`comparePurchaseOrder`), and hold out the last as the test target
 *    and the one before as the validation target;
 * 4. everything else, including every row of users with fewer items, is training (in input order).
 */
export function splitLeaveLastOut<Row extends TimedInteraction>(
  rows: readonly Row[],
  options: { minItems?: number } = {},
): LeaveLastOutSplit<Row> {
  const minItems = options.minItems ?? 3;
  const earliest = new Map<string, Map<string, { row: Row; position: number }>>();
  rows.forEach((row, position) => {
    if (row.userId === "" || row.itemId === "") return;
    let items = earliest.get(row.userId);
    if (items === undefined) {
      items = new Map();
      earliest.set(row.userId, items);
    }
    const kept = items.get(row.itemId);
    if (kept === undefined || row.timestamp < kept.row.timestamp) items.set(row.itemId, { row, position });
  });
  const trainPositions: number[] = [];
  const validation: HeldOutTarget[] = [];
  const test: HeldOutTarget[] = [];
  for (const [userId, items] of earliest) {
    const kept = [...items.values()];
    if (kept.length < minItems) {
      for (const { position } of kept) trainPositions.push(position);
      continue;
    }
    kept.sort((a, b) => comparePurchaseOrder(a.row, b.row));
    const last = kept[kept.length - 1];
    const secondLast = kept[kept.length - 2];
    if (last === undefined || secondLast === undefined) continue;
    test.push({ userId, itemId: last.row.itemId, timestamp: last.row.timestamp });
    validation.push({ userId, itemId: secondLast.row.itemId, timestamp: secondLast.row.timestamp });
    for (const { position } of kept.slice(0, -2)) trainPositions.push(position);
  }
  trainPositions.sort((a, b) => a - b);
  const train = trainPositions.flatMap((position) => {
    const row = rows[position];
    return row === undefined ? [] : [row];
  });
  return { train, validation, test };
}

import { createRng } from "../random/create-rng";
import type { HeldOutTarget, TimedInteraction } from "./split-leave-last-out";

export type ItemColdStartSplit<Row extends TimedInteraction> = {
  /** The items taken out of training entirely. */
  removedItemIds: ReadonlySet<string>;
  /** The training rows without any row of a removed item (every shopper's other items are kept). */
  train: Row[];
  /** The test targets whose item was removed: shoppers whose next purchase is an item no model has seen bought. */
  test: HeldOutTarget[];
};

/**
 * The item cold-start split (issue 13 item 6), on top of the leave-last-out split: a seeded `fraction` of the items
 * that occur in training or test is removed from training entirely — all their interactions — and the model is
 * scored on the shoppers whose test item is one of them, with their history minus the removed items. The choice
 * depends only on the seed and the set of item ids (sorted, then a seeded Fisher–Yates shuffle), never on row order.
 */
export function splitItemColdStart<Row extends TimedInteraction>(
  split: { train: readonly Row[]; test: readonly HeldOutTarget[] },
  options: { seed: number; fraction?: number },
): ItemColdStartSplit<Row> {
  const fraction = options.fraction ?? 0.1;
  if (!(fraction > 0 && fraction < 1)) throw new Error(`Item cold-start fraction must be in (0, 1), got ${fraction}.`);
  const itemIds = [...new Set([...split.train, ...split.test].map((row) => row.itemId))].sort();
  const rng = createRng(options.seed);
  const count = Math.round(fraction * itemIds.length);
  for (let i = 0; i < count; i++) {
    const j = i + rng.nextInt(itemIds.length - i);
    [itemIds[i], itemIds[j]] = [itemIds[j] as string, itemIds[i] as string];
  }
  const removedItemIds = new Set(itemIds.slice(0, count));
  return {
    removedItemIds,
    train: split.train.filter((row) => !removedItemIds.has(row.itemId)),
    test: split.test.filter((target) => removedItemIds.has(target.itemId)),
  };
}

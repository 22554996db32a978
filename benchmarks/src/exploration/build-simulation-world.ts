import { type CatalogItem, createRng, type Interaction } from "@jewelguide/model";
import { pickSeeded } from "../rees46/pick-seeded";

/** How the real purchase log becomes a simulation: a time cut, newly added items, the simulated shoppers. */
export type WorldOptions = {
  /** The latest this share of purchase rows (by time) is the simulated period; the rest trains the model. */
  simulatedShare: number;
  /** This seeded share of the items sold both before and during the period is removed from training ("added" at the start). */
  heldOutItemShare: number;
  /**
   * Never-sold products added at the start beside the new items, as a share of them (0: none; 1: as many): copies of
   * seeded catalog items' attributes under new ids, bought by nobody in either period. The REES46 catalog is built from
   * purchases, so every product the served model cannot rate would otherwise be one that sells after the cut — a real
   * shop's new products include ones that never sell, and a policy that favours unrated products must meet them.
   */
  unsoldShare: number;
  /** Simulated days the period is cut into (equal spans of real time). */
  days: number;
  /** At most this many shoppers of the period (a seeded sample; all when fewer). */
  maxShoppers: number;
  seed: number;
};

/** One real shopper of the simulated period: one who buys in it at two or more different times. */
export type SimulatedShopper = {
  userId: string;
  /** The simulated day (0-based) of their first real purchase in the period: they visit from then on, every day. */
  arrivalDay: number;
  /** What they bought at that first time: they arrive having bought it (folded into their feed, never shown again). */
  arrivalBasket: readonly string[];
  /** Their real later purchases (distinct items bought after the first time, not before): what they buy when shown. */
  targets: readonly string[];
};

export type SimulationWorld = {
  catalog: readonly CatalogItem[];
  /** The purchases before the cut, minus those of the held-out items: all the model is fitted on. */
  training: readonly Interaction[];
  /** Items without a training purchase that are bought in the period: first sold then, or held out (seeded). */
  newItemIds: ReadonlySet<string>;
  /** The seeded part of `newItemIds`: items with earlier sales removed from training. */
  heldOutItemIds: ReadonlySet<string>;
  /** Never-sold products in the catalog (WorldOptions.unsoldShare): unrated like the new items, but nobody buys them. */
  unsoldItemIds: ReadonlySet<string>;
  shoppers: readonly SimulatedShopper[];
  days: number;
  /** The real time of the cut (ms), the start of day 0. */
  cutAt: number;
};

/**
 * Cuts a real purchase log (time order) at the quantile `1 − simulatedShare`: earlier purchases train the model,
 * the later ones are the ground truth the simulated shoppers act on (as `npm run worker -- simulate` replays a
 * shopper's earlier purchases and holds out the later one). A shopper who buys in the period at two or more different
 * times is simulated: they arrive on the simulated day of their first purchase there, having bought that basket, and
 * their later purchases are what they buy when the feed shows them. Items first sold in the period are new by nature; a seeded share of the items sold both before and
 * during the period also loses its training rows, so new items include ones with real, well-known buyers. Never-sold
 * copies (`unsoldShare`) join the catalog beside them, so not every product the model cannot rate has a buyer.
 */
export function buildSimulationWorld(
  catalog: readonly CatalogItem[],
  purchases: readonly Interaction[],
  options: WorldOptions,
): SimulationWorld {
  checkOptions(options);
  const sorted = [...purchases].sort((a, b) => a.timestamp - b.timestamp);
  const cutIndex = Math.floor(sorted.length * (1 - options.simulatedShare));
  const cut = sorted[cutIndex];
  if (cut === undefined || cutIndex === 0) {
    throw new Error(
      `simulatedShare ${options.simulatedShare} leaves no purchase on one side of the cut (${sorted.length} purchases)`,
    );
  }
  const cutAt = cut.timestamp;
  const before = sorted.filter((row) => row.timestamp < cutAt);
  const during = sorted.filter((row) => row.timestamp >= cutAt);
  const soldBefore = new Set(before.map((row) => row.itemId));
  const soldDuring = [...new Set(during.map((row) => row.itemId))].sort();
  const heldOutItemIds = new Set(
    pickSeeded(
      soldDuring.filter((item) => soldBefore.has(item)),
      Math.round(soldDuring.filter((item) => soldBefore.has(item)).length * options.heldOutItemShare),
      options.seed,
    ),
  );
  const newItemIds = new Set(soldDuring.filter((item) => !soldBefore.has(item) || heldOutItemIds.has(item)));
  const boughtBefore = new Map<string, Set<string>>();
  for (const row of before) {
    const items = boughtBefore.get(row.userId) ?? new Set<string>();
    items.add(row.itemId);
    boughtBefore.set(row.userId, items);
  }
  const end = (sorted[sorted.length - 1] as Interaction).timestamp;
  const dayOf = (timestamp: number) =>
    Math.min(options.days - 1, Math.floor(((timestamp - cutAt) / (end - cutAt + 1)) * options.days));
  const byShopper = new Map<string, { arrivalAt: number; arrivalBasket: string[]; targets: string[] }>();
  for (const row of during) {
    const shopper = byShopper.get(row.userId) ?? { arrivalAt: row.timestamp, arrivalBasket: [], targets: [] };
    byShopper.set(row.userId, shopper);
    const list = row.timestamp === shopper.arrivalAt ? shopper.arrivalBasket : shopper.targets;
    if (!list.includes(row.itemId)) list.push(row.itemId);
  }
  for (const [userId, shopper] of byShopper) {
    const known = new Set([...(boughtBefore.get(userId) ?? []), ...shopper.arrivalBasket]);
    shopper.targets = shopper.targets.filter((itemId) => !known.has(itemId));
    if (shopper.targets.length === 0) byShopper.delete(userId);
  }
  const userIds = pickSeeded([...byShopper.keys()].sort(), options.maxShoppers, options.seed).sort();
  const unsold = unsoldCopies(catalog, Math.round(newItemIds.size * options.unsoldShare), options.seed);
  return {
    catalog: [...catalog, ...unsold],
    training: before.filter((row) => !heldOutItemIds.has(row.itemId)),
    newItemIds,
    heldOutItemIds,
    unsoldItemIds: new Set(unsold.map((item) => item.itemId)),
    shoppers: userIds.flatMap((userId) => {
      const shopper = byShopper.get(userId);
      if (shopper === undefined) return [];
      const { arrivalAt, arrivalBasket, targets } = shopper;
      return [{ userId, arrivalDay: dayOf(arrivalAt), arrivalBasket, targets }];
    }),
    days: options.days,
    cutAt,
  };
}

/**
 * `count` never-sold products: the attributes of seeded catalog items (drawn with replacement, so the copies follow
 * the catalog's mix of categories, metals and prices) under ids `unsold-<n>` that no purchase names.
 */
function unsoldCopies(catalog: readonly CatalogItem[], count: number, seed: number): CatalogItem[] {
  if (count === 0 || catalog.length === 0) return [];
  const rng = createRng(seed ^ 0x5eed_0001);
  const ids = new Set(catalog.map((item) => item.itemId));
  return Array.from({ length: count }, (_, n) => {
    const itemId = `unsold-${n}`;
    if (ids.has(itemId)) throw new Error(`the catalog already has an item ${itemId}`);
    return { ...(catalog[rng.nextInt(catalog.length)] as CatalogItem), itemId };
  });
}

function checkOptions(options: WorldOptions): void {
  const share = (name: string, value: number, allowZero: boolean) => {
    if (!Number.isFinite(value) || value < 0 || value >= 1 || (!allowZero && value === 0)) {
      throw new Error(`${name} must be in ${allowZero ? "[0" : "(0"}, 1), got ${value}`);
    }
  };
  share("simulatedShare", options.simulatedShare, false);
  share("heldOutItemShare", options.heldOutItemShare, true);
  if (!Number.isFinite(options.unsoldShare) || options.unsoldShare < 0 || options.unsoldShare > 10) {
    throw new Error(`unsoldShare must be in [0, 10], got ${options.unsoldShare}`);
  }
  if (!Number.isInteger(options.days) || options.days < 1)
    throw new Error(`days must be a positive integer, got ${options.days}`);
  if (!Number.isInteger(options.maxShoppers) || options.maxShoppers < 1) {
    throw new Error(`maxShoppers must be a positive integer, got ${options.maxShoppers}`);
  }
}

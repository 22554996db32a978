import type { CatalogItem } from "@jewelguide/model";

/**
 * The simulated shopper's click model: a position-based model (PBM). A shown item is clicked with probability
 * examination(slot) × attraction(shopper, item), independently per slot, so a click depends only on the item and its
 * slot — the assumption under which per-slot off-policy estimates are unbiased. A clicked item that is one of the
 * shopper's real later purchases is bought (as `npm run worker -- simulate` buys a shown held-out item); other clicks
 * are browsing and fold into the shopper's recent items like a view.
 */
export type ClickModel = {
  /** P(the shopper looks at slot s) = 1 / log2(s + 2): 1 at the top, 0.27 at slot 11 (the DCG discount). */
  examination: (slot: number) => number;
  /** P(click | examined): from how the item relates to the shopper's real later purchases. */
  attraction: (item: CatalogItem, targets: ShopperTargets) => number;
};

/** What the click model knows of a shopper: their real later purchases, and those purchases' category/metal. */
export type ShopperTargets = {
  items: ReadonlySet<string>;
  categories: ReadonlySet<string>;
  categoryMetals: ReadonlySet<string>;
};

/** Attraction levels (documented in BENCHMARKS.md): a real later purchase, a close substitute, the same category, any. */
export const ATTRACTION = {
  target: 0.9,
  sameCategoryAndMetal: 0.06,
  sameCategory: 0.02,
  other: 0.004,
} as const;

export const POSITION_BASED_CLICKS: ClickModel = {
  examination: (slot) => 1 / Math.log2(slot + 2),
  attraction: (item, targets) => {
    if (targets.items.has(item.itemId)) return ATTRACTION.target;
    if (targets.categoryMetals.has(categoryMetal(item))) return ATTRACTION.sameCategoryAndMetal;
    if (targets.categories.has(item.category)) return ATTRACTION.sameCategory;
    return ATTRACTION.other;
  },
};

/** The click model's view of a set of real later purchases. */
export function describeTargets(
  targets: readonly string[],
  catalogById: ReadonlyMap<string, CatalogItem>,
): ShopperTargets {
  const items = new Set(targets);
  const categories = new Set<string>();
  const categoryMetals = new Set<string>();
  for (const itemId of targets) {
    const item = catalogById.get(itemId);
    if (item === undefined) throw new Error(`real later purchase ${itemId} is not in the catalog`);
    categories.add(item.category);
    categoryMetals.add(categoryMetal(item));
  }
  return { items, categories, categoryMetals };
}

function categoryMetal(item: CatalogItem): string {
  return `${item.category}|${item.metal ?? "?"}`;
}

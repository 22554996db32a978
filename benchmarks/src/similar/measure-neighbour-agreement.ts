import { createRng, type Recommender } from "@jewelguide/model";

export type ItemAttributes = { category: string; metal: string | null };

export type NeighbourAgreement = {
  queries: number;
  k: number;
  /** Shares of all top-k neighbour slots whose item has the query item's category / metal / both. */
  sameCategory: number;
  sameMetal: number;
  sameBoth: number;
};

/**
 * How well a model's "similar pieces" keep to what a piece is: for `queries` random items (seeded) with known
 * attributes, the share of their top-k neighbours (the model's own item similarity, unfiltered) with the same
 * category, the same metal, and both. Items without a metal count as a different metal.
 */
export function measureNeighbourAgreement(
  recommender: Recommender,
  attributesOf: ReadonlyMap<string, ItemAttributes>,
  options: { queries: number; k: number; seed: number },
): NeighbourAgreement {
  const candidates = recommender.items.ids().filter((itemId) => attributesOf.has(itemId));
  const rng = createRng(options.seed);
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    [candidates[i], candidates[j]] = [candidates[j] as string, candidates[i] as string];
  }
  const queries = candidates.slice(0, options.queries);
  let slots = 0;
  let category = 0;
  let metal = 0;
  let both = 0;
  for (const itemId of queries) {
    const query = attributesOf.get(itemId);
    if (!query) continue;
    for (const neighbour of recommender.similarItems(itemId, options.k)) {
      const other = attributesOf.get(neighbour.itemId);
      slots++;
      const sameCategory = other?.category === query.category;
      const sameMetal = query.metal !== null && other?.metal === query.metal;
      if (sameCategory) category++;
      if (sameMetal) metal++;
      if (sameCategory && sameMetal) both++;
    }
  }
  const share = (count: number) => (slots === 0 ? 0 : Math.round((count / slots) * 10_000) / 10_000);
  return {
    queries: queries.length,
    k: options.k,
    sameCategory: share(category),
    sameMetal: share(metal),
    sameBoth: share(both),
  };
}

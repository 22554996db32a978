import type { Recommendation, Recommender } from "@jewelguide/model";

/** How many neighbours are kept per item: enough for "similar pieces" after filters and for explanation anchors. */
export const NEIGHBOUR_LIST_SIZE = 200;
/** Items whose lists are kept per model (least recently used dropped first): ~1.6 KB each, ~6.5 MB in all. */
export const NEIGHBOUR_CACHE_ENTRIES = 4096;

type NeighbourList = { indices: Int32Array; scores: Float32Array; complete: boolean };

const caches = new WeakMap<Recommender, Map<string, NeighbourList>>();

/**
 * `recommender.similarItems(itemId, k, { filter })`, from a per-model cache of each item's unfiltered nearest
 * neighbours. A served model never changes, so an item's neighbour list is a pure function of the model; "similar
 * pieces" for a product and the "similar to what you viewed" anchors ask for the same lists again and again. The
 * answer is exactly the uncached one: the list is walked in rank order through the filter, and when fewer than `k`
 * pass within it (and it was cut at NEIGHBOUR_LIST_SIZE) the full computation runs instead.
 */
export function cachedSimilarItems(
  recommender: Recommender,
  itemId: string,
  k: number,
  filter?: (itemIndex: number) => boolean,
): Recommendation[] {
  if (k > NEIGHBOUR_LIST_SIZE) return recommender.similarItems(itemId, k, { filter });
  const list = neighbourList(recommender, itemId);
  const picks: Recommendation[] = [];
  for (let rank = 0; rank < list.indices.length && picks.length < k; rank++) {
    const itemIndex = list.indices[rank] as number;
    if (filter && !filter(itemIndex)) continue;
    picks.push({ itemId: recommender.items.idAt(itemIndex), itemIndex, score: list.scores[rank] as number });
  }
  if (picks.length < k && !list.complete) return recommender.similarItems(itemId, k, { filter });
  return picks;
}

/**
 * An item's `k` nearest neighbours, unfiltered and best first, as item indices and scores: the cached list's own arrays
 * (views) when it covers `k`, without building a Recommendation per neighbour. Exactly `similarItems(itemId, k)`.
 */
export function nearestNeighbours(
  recommender: Recommender,
  itemId: string,
  k: number,
): { indices: Int32Array; scores: Float32Array } {
  if (k <= NEIGHBOUR_LIST_SIZE) {
    const list = neighbourList(recommender, itemId);
    if (list.indices.length >= k || list.complete) {
      return { indices: list.indices.subarray(0, k), scores: list.scores.subarray(0, k) };
    }
  }
  const neighbours = recommender.similarItems(itemId, k);
  return {
    indices: Int32Array.from(neighbours, (neighbour) => neighbour.itemIndex),
    scores: Float32Array.from(neighbours, (neighbour) => neighbour.score),
  };
}

function neighbourList(recommender: Recommender, itemId: string): NeighbourList {
  let cache = caches.get(recommender);
  if (!cache) {
    cache = new Map();
    caches.set(recommender, cache);
  }
  const cached = cache.get(itemId);
  if (cached) {
    // Most recently used last: re-insert.
    cache.delete(itemId);
    cache.set(itemId, cached);
    return cached;
  }
  const neighbours = recommender.similarItems(itemId, NEIGHBOUR_LIST_SIZE);
  const list: NeighbourList = {
    indices: Int32Array.from(neighbours, (neighbour) => neighbour.itemIndex),
    scores: Float32Array.from(neighbours, (neighbour) => neighbour.score),
    complete: neighbours.length < NEIGHBOUR_LIST_SIZE,
  };
  cache.set(itemId, list);
  if (cache.size > NEIGHBOUR_CACHE_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return list;
}

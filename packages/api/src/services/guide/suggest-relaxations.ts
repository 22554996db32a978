import type { FilterField } from "./guide-constraints";

export type Relaxation = { field: FilterField; count: number };

/**
 * When nothing matches: for each set filter, how many pieces would match with that filter dropped (same stock and
 * bought-item rules; counted by scanCatalog in its one pass). Only drops that yield results, most results first.
 */
export function suggestRelaxations(failingOnly: ReadonlyMap<FilterField, number>): Relaxation[] {
  return [...failingOnly]
    .map(([field, count]) => ({ field, count }))
    .filter((relaxation) => relaxation.count > 0)
    .sort((a, b) => b.count - a.count);
}

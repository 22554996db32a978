/** A ranked pick: the rules read its product's category. */
export type Categorised = { product: { category: string } };

/**
 * Diversity rule: walks the ranking in order and keeps at most `maxPerCategory` items of a category among the first
 * `firstScreenSize` picks; later positions are filled from the rest in rank order without a cap. Returns up to `k`.
 * When the candidates cannot fill the first screen within the cap, it stays shorter rather than break the rule.
 */
export function capPerCategory<T extends Categorised>(
  ranked: readonly T[],
  k: number,
  firstScreenSize: number,
  maxPerCategory: number,
): T[] {
  const picked: T[] = [];
  const used = new Set<number>();
  const counts = new Map<string, number>();
  const screen = Math.min(k, firstScreenSize);
  for (let i = 0; i < ranked.length && picked.length < screen; i++) {
    const item = ranked[i];
    if (item === undefined) continue;
    const count = counts.get(item.product.category) ?? 0;
    if (count >= maxPerCategory) continue;
    counts.set(item.product.category, count + 1);
    picked.push(item);
    used.add(i);
  }
  if (picked.length < screen) return picked;
  for (let i = 0; i < ranked.length && picked.length < k; i++) {
    const item = ranked[i];
    if (item !== undefined && !used.has(i)) picked.push(item);
  }
  return picked;
}

/**
 * Cold start: popular *and* diverse. Takes the best remaining item of each category in turn (categories ordered by
 * their best item), so the first screen spans as many categories as the ranking offers.
 */
export function interleaveCategories<T extends Categorised>(ranked: readonly T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const item of ranked) {
    const group = groups.get(item.product.category);
    if (group) group.push(item);
    else groups.set(item.product.category, [item]);
  }
  const queues = [...groups.values()];
  const out: T[] = [];
  for (let round = 0; out.length < ranked.length; round++) {
    for (const queue of queues) {
      const item = queue[round];
      if (item !== undefined) out.push(item);
    }
  }
  return out;
}

import type { CatalogItem, Interaction } from "../data/interaction";
import { createRng } from "../random/create-rng";

/**
 * The contract fixture (after implicit's checkerboard): users 0–29 ("A") bought every even item, users 30–49 ("B")
 * every odd item, of 20 items. User u0 is missing item i0, which every model must then rank first for u0.
 */
export function createCheckerboardInteractions(): Interaction[] {
  const rows: Interaction[] = [];
  for (let u = 0; u < 50; u++) {
    for (let i = 0; i < 20; i++) {
      const isA = u < 30;
      if (isA !== (i % 2 === 0)) continue;
      if (u === 0 && i === 0) continue;
      rows.push({ userId: `u${u}`, itemId: `i${i}`, type: "purchase", timestamp: 1_000 * (u * 20 + i) });
    }
  }
  return rows;
}

/**
 * A catalog for the checkerboard whose attributes follow its two blocks: even items are gold rings, odd items silver
 * earrings, each with a price of its own; content-only models find the blocks from it.
 */
export function createCheckerboardCatalog(): CatalogItem[] {
  return Array.from({ length: 20 }, (_, i) => ({
    itemId: `i${i}`,
    category: i % 2 === 0 ? "ring" : "earring",
    metal: i % 2 === 0 ? "gold" : "silver",
    gem: null,
    color: null,
    gender: null,
    price: 100 + 10 * i,
    brand: null,
  }));
}

/**
 * A planted block structure: `clusters` groups of users, each buying `perUser` random items from its own block of
 * `itemsPerCluster` items (plus a little cross-cluster noise). Returns training rows and one held-out item per user.
 */
export function createClusteredInteractions(seed = 7): {
  train: Interaction[];
  heldOut: { userId: string; itemId: string }[];
} {
  const rng = createRng(seed);
  const clusters = 4;
  const usersPerCluster = 40;
  const itemsPerCluster = 15;
  const perUser = 6;
  const train: Interaction[] = [];
  const heldOut: { userId: string; itemId: string }[] = [];
  for (let c = 0; c < clusters; c++) {
    for (let u = 0; u < usersPerCluster; u++) {
      const userId = `c${c}u${u}`;
      const chosen = new Set<number>();
      while (chosen.size < perUser) chosen.add(c * itemsPerCluster + rng.nextInt(itemsPerCluster));
      const items = [...chosen];
      const last = items.pop() ?? 0;
      items.forEach((item, t) => {
        train.push({ userId, itemId: `item${item}`, type: "purchase", timestamp: t });
      });
      if (rng.next() < 0.3) {
        train.push({ userId, itemId: `item${rng.nextInt(clusters * itemsPerCluster)}`, type: "view", timestamp: 9 });
      }
      heldOut.push({ userId, itemId: `item${last}` });
    }
  }
  return { train, heldOut };
}

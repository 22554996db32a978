import type { TrainingData } from "@jewelguide/worker/training";
import { pickSeeded } from "./pick-seeded";

/**
 * For smoke checks of the benchmark only (`--sample-users`): a seeded sample of shoppers with all their rows, and a
 * catalog cut to the items they bought, so every model — EASE's item×item inverse included — fits in seconds.
 * Never used for recorded results.
 */
export function sampleShoppers(data: TrainingData, count: number, seed = 0): TrainingData {
  const userIds = [...new Set(data.interactions.map((row) => row.userId))].sort();
  const kept = new Set(pickSeeded(userIds, count, seed));
  const interactions = data.interactions.filter((row) => kept.has(row.userId));
  const items = new Set(interactions.map((row) => row.itemId));
  const catalogIndices = data.catalog.flatMap((item, index) => (items.has(item.itemId) ? [index] : []));
  return {
    catalog: catalogIndices.map((index) => data.catalog[index] as TrainingData["catalog"][number]),
    productIds: catalogIndices.map((index) => data.productIds[index] as number),
    interactions,
    users: data.users.filter((user) => kept.has(user.userId)),
  };
}

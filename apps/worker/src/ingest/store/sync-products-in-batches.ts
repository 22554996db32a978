import type { ImportContext } from "../import-context";
import { chunk, writeBatch } from "../write-batch";
import type { ProductInput } from "./product-input";
import { addSyncCounts, emptySyncCounts, type SyncCounts } from "./sync-counts";
import { syncProducts } from "./sync-products";

/** Upserts products by sku in transactions of the import's batch size; what it did, summed over the batches. */
export async function syncProductsInBatches(
  context: ImportContext,
  products: readonly ProductInput[],
): Promise<SyncCounts> {
  const counts = emptySyncCounts();
  for (const batch of chunk(products, context.options.batchSize)) {
    addSyncCounts(counts, await writeBatch(context.db, (tx) => syncProducts(tx, batch)));
  }
  return counts;
}

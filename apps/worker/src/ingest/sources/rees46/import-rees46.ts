import type { ImportContext } from "../../import-context";
import type { Input } from "../../read/open-input";
import { type InsertCounts, type InteractionInput, insertInteractions } from "../../store/insert-interactions";
import type { ProductInput } from "../../store/product-input";
import { syncProductsInBatches } from "../../store/sync-products-in-batches";
import { chunk, writeBatch } from "../../write-batch";
import { mapRees46Product } from "./map-product";
import type { Rees46Row } from "./parse-row";
import { readRees46 } from "./read-rees46";
import { resolveCategory } from "./resolve-category";

export type Rees46Hooks = {
  /** Changes each product before it is stored (the demo adds photos). */
  decorateProduct?: (product: ProductInput) => ProductInput;
};

/**
 * Imports REES46 purchases: one validated pass over the file (products need every row: latest price, category by
 * category_id), then products and purchases written in batches, each batch in one transaction.
 */
export async function importRees46(context: ImportContext, input: Input, hooks: Rees46Hooks = {}): Promise<void> {
  const data = await readRees46(context, input);
  context.stats.fileHash = input.fileHash();
  const decorate = hooks.decorateProduct ?? ((product: ProductInput) => product);
  const products = [...data.latestByProduct.values()].map((latest) =>
    decorate(mapRees46Product(latest, resolveCategory(data, latest))),
  );
  const progress = context.progress("writing");
  const started = Date.now();
  const productCounts = await syncProductsInBatches(context, products);
  progress.note(`products: ${products.length.toLocaleString("en-US")} written in ${seconds(started)}`);
  const events = [...data.interactions.values()].map(toInteraction);
  const eventCounts: InsertCounts = { inserted: 0, existing: 0, usersCreated: 0 };
  let done = 0;
  for (const batch of chunk(events, context.options.batchSize)) {
    const counts = await writeBatch(context.db, (tx) => insertInteractions(tx, context.dialect, batch));
    eventCounts.inserted += counts.inserted;
    eventCounts.existing += counts.existing;
    eventCounts.usersCreated += counts.usersCreated;
    done += batch.length;
    progress.tick(done);
  }
  progress.note(`purchases: ${events.length.toLocaleString("en-US")} written in ${seconds(started)}`);
  const stats = context.stats;
  stats.rowsImported = eventCounts.inserted;
  stats.rowsUnchanged = stats.rowsRead - context.problems.rejectedRows - eventCounts.inserted;
  stats.counts = {
    format: data.format,
    users: data.users.size,
    usersCreated: eventCounts.usersCreated,
    products: products.length,
    productsCreated: productCounts.created,
    productsUpdated: productCounts.updated,
    productsUnchanged: productCounts.unchanged,
    interactions: data.interactions.size,
    interactionsStored: eventCounts.inserted,
    interactionsAlreadyStored: eventCounts.existing,
    duplicatesCollapsed: data.duplicates,
  };
  const n = (value: number) => value.toLocaleString("en-US");
  stats.summary = [
    `format: ${data.format === "normalized" ? "normalized (header row)" : "raw (no header, short rows padded)"}`,
    `users: ${n(data.users.size)} (${n(eventCounts.usersCreated)} new)`,
    `products: ${n(products.length)} (${n(productCounts.created)} new, ${n(productCounts.updated)} updated, ${n(productCounts.unchanged)} unchanged)`,
    `interactions: ${n(data.interactions.size)} unique rows (${n(eventCounts.inserted)} stored now, ${n(eventCounts.existing)} already stored)`,
    `duplicates collapsed: ${n(data.duplicates)}`,
  ];
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}

function toInteraction(row: Rees46Row): InteractionInput {
  return {
    idempotencyKey: `rees46:${row.key}`,
    userExternalId: row.userId,
    sku: row.productId,
    type: "purchase",
    occurredAt: row.orderedAt,
    source: "rees46",
    orderId: row.orderId,
    price: row.price,
    quantity: row.quantity,
  };
}

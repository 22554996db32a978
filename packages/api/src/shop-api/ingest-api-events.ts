import type { Db, Prisma } from "@jewelguide/db";
import { type Attribution, verifyAttribution } from "../security/attribution-token";
import { ensureShopper } from "../services/events/ensure-shopper";
import { insertOnce } from "../services/events/log-events";
import { type ApiEventRow, ApiEventRowSchema, type EventBatchResult } from "./shop-api-schemas";
import { validateBatchRows } from "./validate-batch-rows";

/** API events are namespaced apart from the web's (`web:`) and the importers' keys, and per customer. */
export function apiEventKey(customerId: string, eventId: string): string {
  return `api:${customerId}:${eventId}`;
}

/**
 * Stores a shop backend's batch of its customers' events (`source = "api"`). Each row is checked on its own: a row
 * that breaks the schema, or names a SKU the catalog does not have, is reported with its index and field, and the
 * other rows are stored. A row is stored once per (customer, eventId): re-sending a batch stores nothing new, and a
 * row repeated inside one batch counts as a duplicate. Purchases are priced with the catalog's price and currency at
 * the time of storing (the request has no price field); they are real orders, not demo checkouts. An `attribution`
 * token is believed only when it verifies for that customer and product (as for the web's events); otherwise the
 * event is stored unattributed and counted. Customers unknown so far get a User row (origin `shop-backend`).
 */
export async function ingestApiEvents(
  db: Db,
  rows: readonly unknown[],
  facts: { attributionKey: Buffer; now?: number },
): Promise<EventBatchResult> {
  const now = facts.now ?? Date.now();
  const { valid, errors } = validateBatchRows(rows, ApiEventRowSchema);
  const skus = [...new Set(valid.map(({ row }) => row.sku))];
  const products =
    skus.length === 0
      ? []
      : await db.product.findMany({
          where: { sku: { in: skus } },
          select: { id: true, sku: true, price: true, currency: true },
        });
  const bySku = new Map(products.map((product) => [product.sku, product]));
  const byKey = new Map<string, { index: number; row: ApiEventRow; product: (typeof products)[number] }>();
  let accepted = 0;
  for (const { index, row } of valid) {
    const product = bySku.get(row.sku);
    if (!product) {
      errors.push({ index, field: "sku", message: `unknown SKU ${JSON.stringify(row.sku)}` });
      continue;
    }
    accepted++;
    const key = apiEventKey(row.customerId, row.eventId);
    if (!byKey.has(key)) byKey.set(key, { index, row, product });
  }
  errors.sort((a, b) => a.index - b.index);
  if (byKey.size > 0) {
    const known = await db.interaction.findMany({
      where: { idempotencyKey: { in: [...byKey.keys()] } },
      select: { idempotencyKey: true },
    });
    for (const { idempotencyKey } of known) byKey.delete(idempotencyKey);
  }
  const fresh = [...byKey.entries()];
  let unattributed = 0;
  let stored = 0;
  if (fresh.length > 0) {
    const userIds = new Map<string, number>();
    for (const customerId of new Set(fresh.map(([, { row }]) => row.customerId))) {
      userIds.set(customerId, await ensureShopper(db, customerId, "shop-backend"));
    }
    const data = fresh.map(([key, { row, product }], i): Prisma.InteractionCreateManyInput => {
      const attribution = row.attribution
        ? verifyAttribution(row.attribution, {
            shopperExternalId: row.customerId,
            productId: product.id,
            key: facts.attributionKey,
            now,
          })
        : null;
      if (row.attribution && !attribution) unattributed++;
      const isPurchase = row.type === "purchase";
      return {
        userId: userIds.get(row.customerId) as number,
        productId: product.id,
        type: row.type,
        // Rows without a time keep the batch's order: each 1 ms after the previous one, the last at "now".
        occurredAt: row.occurredAt ? new Date(row.occurredAt) : new Date(now - (fresh.length - 1 - i)),
        source: "api",
        idempotencyKey: key,
        orderId: row.orderId ?? null,
        price: isPurchase ? product.price : null,
        quantity: row.type === "cart" || isPurchase ? row.quantity : 1,
        modelVersionId: attribution?.modelVersionId ?? null,
        requestId: attribution?.requestId ?? null,
        slot: attribution?.slot ?? null,
        context: eventContext(row, attribution, product.currency),
      };
    });
    stored = await insertOnce(db, data);
  }
  return { received: rows.length, stored, duplicates: accepted - stored, unattributed, errors };
}

function eventContext(row: ApiEventRow, attribution: Attribution | null, currency: string): Prisma.InputJsonObject {
  const context: Record<string, string> = {};
  if (attribution) context.surface = attribution.surface;
  if (row.type === "favorite" || row.type === "cart") context.action = row.action ?? "add";
  if (row.type === "purchase") context.currency = currency;
  return context;
}

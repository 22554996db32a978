import type { Tx } from "../write-batch";
import { ensureUsers } from "./ensure-users";
import { findIds, findProductIds } from "./find-ids";
import { type Dialect, insertRows, type SqlValue } from "./insert-rows";

/** An event as an importer maps it: user and product by their external keys. */
export type InteractionInput = {
  idempotencyKey: string;
  userExternalId: string;
  sku: string;
  type: string;
  occurredAt: Date;
  source: string;
  orderId: string | null;
  price: number | null;
  quantity: number;
};

const INTERACTION_COLUMNS = [
  "userId",
  "productId",
  "type",
  "occurredAt",
  "source",
  "idempotencyKey",
  "orderId",
  "price",
  "quantity",
  "createdAt",
] as const;

export type InsertCounts = { inserted: number; existing: number; usersCreated: number };

/**
 * Stores the events whose idempotency key is new (keys already stored are skipped: createMany's skipDuplicates
 * does not exist on SQLite), creating missing users. Every sku must exist; callers check that first.
 */
export async function insertInteractions(tx: Tx, dialect: Dialect, items: InteractionInput[]): Promise<InsertCounts> {
  const stored = await findIds(
    tx,
    { table: "Interaction", key: "idempotencyKey" },
    items.map((item) => item.idempotencyKey),
  );
  const fresh = items.filter((item) => !stored.has(item.idempotencyKey));
  const users = await ensureUsers(
    tx,
    dialect,
    fresh.map((item) => item.userExternalId),
  );
  const productIds = await findProductIds(
    tx,
    fresh.map((item) => item.sku),
  );
  const now = new Date();
  const rows = fresh.map((item): SqlValue[] => {
    const userId = users.ids.get(item.userExternalId);
    const productId = productIds.get(item.sku);
    if (userId === undefined || productId === undefined) {
      throw new Error(`internal: event ${item.idempotencyKey} refers to a missing user or product`);
    }
    return [
      userId,
      productId,
      item.type,
      item.occurredAt,
      item.source,
      item.idempotencyKey,
      item.orderId,
      item.price,
      item.quantity,
      now,
    ];
  });
  await insertRows(tx, dialect, "Interaction", INTERACTION_COLUMNS, rows);
  return { inserted: rows.length, existing: items.length - fresh.length, usersCreated: users.created };
}

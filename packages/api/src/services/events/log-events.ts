import type { Db, Prisma } from "@jewelguide/db";
import { TRPCError } from "@trpc/server";
import { ensureShopper } from "./ensure-shopper";
import { type LogEventsInput, LogEventsInputSchema, type ShopperEvent } from "./event-schemas";

export type LogEventsResult = { stored: number; duplicates: number };

/** Web idempotency keys are namespaced so they can never collide with an importer's keys. */
export function webEventKey(idempotencyKey: string): string {
  return `web:${idempotencyKey.toLowerCase()}`;
}

/**
 * Stores a batch of shopper events from the web (impressions with slot, model version and request id; views, clicks,
 * favourites, carts, purchases). Each event is stored once per idempotency key: re-sent keys are counted as duplicates
 * and not written again. The shopper's User row is created on their first event. Purchases record the product's
 * current catalog price (never a client-sent one); a demo checkout is marked `context.demoCheckout = true`.
 */
export async function logEvents(db: Db, rawInput: LogEventsInput): Promise<LogEventsResult> {
  const input = LogEventsInputSchema.parse(rawInput);
  const productIds = [...new Set(input.events.map((event) => event.productId))];
  const products = await db.product.findMany({
    where: { id: { in: productIds } },
    select: { id: true, price: true },
  });
  const priceOf = new Map(products.map((product) => [product.id, product.price]));
  const missing = productIds.filter((id) => !priceOf.has(id));
  if (missing.length > 0) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `Unknown product id(s): ${missing.join(", ")}` });
  }
  const byKey = new Map(input.events.map((event) => [webEventKey(event.idempotencyKey), event]));
  const known = await db.interaction.findMany({
    where: { idempotencyKey: { in: [...byKey.keys()] } },
    select: { idempotencyKey: true },
  });
  for (const row of known) byKey.delete(row.idempotencyKey);
  if (byKey.size === 0) return { stored: 0, duplicates: input.events.length };
  const userId = await ensureShopper(db, input.shopperId);
  const now = Date.now();
  const fresh = [...byKey.entries()];
  // Events of one batch keep their order: each is 1 ms after the previous one, the last at "now".
  const rows = fresh.map(
    ([key, event], i): Prisma.InteractionCreateManyInput => ({
      userId,
      productId: event.productId,
      type: event.type,
      occurredAt: new Date(now - (fresh.length - 1 - i)),
      source: "web",
      idempotencyKey: key,
      orderId: event.orderId ?? null,
      price: event.type === "purchase" ? (priceOf.get(event.productId) ?? null) : null,
      quantity: event.quantity,
      modelVersionId: event.modelVersionId ?? null,
      requestId: event.requestId ?? null,
      slot: event.slot ?? null,
      context: buildContext(event, input.demoCheckout, input.simulated),
    }),
  );
  const stored = await insertOnce(db, rows);
  return { stored, duplicates: input.events.length - stored };
}

function buildContext(event: ShopperEvent, demoCheckout: boolean, simulated: boolean): Prisma.InputJsonObject {
  const context: Record<string, string | boolean> = {};
  if (event.surface) context.surface = event.surface;
  if (event.type === "favorite" || event.type === "cart") context.action = event.action ?? "add";
  if (event.type === "purchase" && demoCheckout) context.demoCheckout = true;
  if (simulated) context.simulated = true;
  return context;
}

/** One insert for the batch; if a concurrent request stored some of the keys meanwhile, row by row skipping those. */
async function insertOnce(db: Db, rows: Prisma.InteractionCreateManyInput[]): Promise<number> {
  try {
    return (await db.interaction.createMany({ data: rows })).count;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    let stored = 0;
    for (const row of rows) {
      try {
        await db.interaction.create({ data: row });
        stored++;
      } catch (rowError) {
        if (!isUniqueViolation(rowError)) throw rowError;
      }
    }
    return stored;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

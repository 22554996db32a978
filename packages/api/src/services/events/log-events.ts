import type { Db, Prisma } from "@jewelguide/db";
import { AppError } from "@jewelguide/db/errors";
import type { ShopperIdentity } from "../../request-client";
import { type Attribution, verifyAttribution } from "../../security/attribution-token";
import { ensureShopper } from "./ensure-shopper";
import { type LogEventsInput, LogEventsInputSchema, type ShopperEvent } from "./event-schemas";
import { inheritAttribution } from "./inherit-attribution";

/**
 * `stored` new events, `duplicates` already stored (same idempotency key, or the same served item's impression /
 * click again), `unattributed` events whose `attribution` did not verify (stored without one).
 */
export type LogEventsResult = { stored: number; duplicates: number; unattributed: number };

/** What the server itself knows about the batch: whose it is, whether the simulator sent it, and the signing key. */
export type EventFacts = {
  /** The request's verified shopper (ctx.shopper, or one issued for this request). */
  shopper: ShopperIdentity;
  /** The request carried the worker token (ctx.client.isWorker): stored as simulated traffic. */
  simulated: boolean;
  attributionKey: Buffer;
  now?: number;
};

/** Web idempotency keys are namespaced so they can never collide with an importer's keys. */
export function webEventKey(idempotencyKey: string): string {
  return `web:${idempotencyKey.toLowerCase()}`;
}

/**
 * An impression or click of a served item is one fact per (request, slot): keyed by the signed request id and slot,
 * so replaying a valid attribution with fresh idempotency keys stores nothing more.
 */
function servedEventKey(type: string, attribution: Attribution): string {
  return `web:served:${type}:${attribution.requestId}:${attribution.slot}`;
}

/**
 * Stores a batch of one shopper's events (impressions, views, clicks, favourites, carts, purchases) as facts the server
 * vouches for. The shopper is the request's own; prices and currencies are the catalog's at the time of the event
 * (never a client's); every web purchase is a demo checkout (there is no payment), stored as
 * `context.demoCheckout = true`; `simulated` only for the worker-authenticated simulator (`source = "simulation"`,
 * `context.simulated = true`); quantities are 1–MAX_EVENT_QUANTITY for carts and purchases, 1 otherwise. Request id,
 * model version, slot and recommendation surface come only from a verified attribution token (served to this shopper,
 * for this product, within a day): an event with a bad token is stored without attribution. A cart or purchase without
 * one takes the attribution of the shopper's own latest attributed event for that product (inheritAttribution). Each
 * event is stored once per idempotency key; the User row is created on the shopper's first event.
 */
export async function logEvents(db: Db, rawInput: LogEventsInput, facts: EventFacts): Promise<LogEventsResult> {
  const input = LogEventsInputSchema.parse(rawInput);
  const now = facts.now ?? Date.now();
  const productIds = [...new Set(input.events.map((event) => event.productId))];
  const products = await db.product.findMany({
    where: { id: { in: productIds } },
    select: { id: true, price: true, currency: true },
  });
  const catalog = new Map(products.map((product) => [product.id, product]));
  const missing = productIds.filter((id) => !catalog.has(id));
  if (missing.length > 0) {
    throw new AppError("BAD_INPUT", `Unknown product id(s): ${missing.join(", ")}`);
  }
  let unattributed = 0;
  const checked = input.events.map((event) => {
    const attribution = event.attribution
      ? verifyAttribution(event.attribution, {
          shopperExternalId: facts.shopper.externalId,
          productId: event.productId,
          key: facts.attributionKey,
          now,
        })
      : null;
    if (event.attribution && !attribution) unattributed++;
    const key =
      attribution && (event.type === "impression" || event.type === "click")
        ? servedEventKey(event.type, attribution)
        : webEventKey(event.idempotencyKey);
    return { key, event, attribution: attribution as Attribution | null };
  });
  const inheriting = checked.filter(
    (entry) => entry.attribution === null && (entry.event.type === "cart" || entry.event.type === "purchase"),
  );
  const inherited = await inheritAttribution(
    db,
    facts.shopper.externalId,
    [...new Set(inheriting.map((entry) => entry.event.productId))],
    now,
  );
  for (const entry of inheriting) entry.attribution = inherited.get(entry.event.productId) ?? null;
  const byKey = new Map(checked.map((entry) => [entry.key, entry]));
  const known = await db.interaction.findMany({
    where: { idempotencyKey: { in: [...byKey.keys()] } },
    select: { idempotencyKey: true },
  });
  for (const row of known) byKey.delete(row.idempotencyKey);
  if (byKey.size === 0) return { stored: 0, duplicates: input.events.length, unattributed };
  const userId = await ensureShopper(db, facts.shopper.externalId, facts.simulated ? "simulation" : "web");
  const fresh = [...byKey.values()];
  // Events of one batch keep their order: each is 1 ms after the previous one, the last at "now".
  const rows = fresh.map(({ key, event, attribution }, i): Prisma.InteractionCreateManyInput => {
    const product = catalog.get(event.productId);
    const isPurchase = event.type === "purchase";
    return {
      userId,
      productId: event.productId,
      type: event.type,
      occurredAt: new Date(now - (fresh.length - 1 - i)),
      source: facts.simulated ? "simulation" : "web",
      idempotencyKey: key,
      orderId: event.orderId ?? null,
      price: isPurchase ? (product?.price ?? null) : null,
      quantity: event.type === "cart" || isPurchase ? event.quantity : 1,
      modelVersionId: attribution?.modelVersionId ?? null,
      requestId: attribution?.requestId ?? null,
      slot: attribution?.slot ?? null,
      context: buildContext(event, attribution, product?.currency, facts.simulated),
    };
  });
  const stored = await insertOnce(db, rows);
  return { stored, duplicates: input.events.length - stored, unattributed };
}

function buildContext(
  event: ShopperEvent,
  attribution: Attribution | null,
  currency: string | undefined,
  simulated: boolean,
): Prisma.InputJsonObject {
  const context: Record<string, string | boolean> = {};
  const surface = attribution?.surface ?? event.surface;
  if (surface) context.surface = surface;
  if (event.type === "favorite" || event.type === "cart") context.action = event.action ?? "add";
  if (event.type === "purchase") {
    context.demoCheckout = true;
    if (currency) context.currency = currency;
  }
  if (simulated) context.simulated = true;
  return context;
}

/** One insert for the batch; if a concurrent request stored some of the keys meanwhile, row by row skipping those. */
export async function insertOnce(db: Db, rows: Prisma.InteractionCreateManyInput[]): Promise<number> {
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

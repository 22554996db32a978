import { EVENT_TYPES } from "@jewelguide/model";
import { z } from "zod";
import type { TableRecord } from "../../read/read-table";
import { readRow } from "../../read-row";
import { date, integer, number, oneOf, text } from "../../row-columns";
import type { InteractionInput } from "../../store/insert-interactions";
import type { ParsedValue } from "../../stream-rows";
import { hashKey } from "../hash-key";

/** The most characters each free-text column may hold (docs/data-formats.md, "Length limits"). */
export const EVENT_TEXT_LIMITS = { event_id: 200, user_id: 200, sku: 200, source: 50, order_id: 200 } as const;

/** The documented events format: docs/data-formats.md's `import events` table is written from it. */
export const EventRowSchema = z.object({
  event_id: text({ max: EVENT_TEXT_LIMITS.event_id }).describe(
    "idempotency key: an event re-sent with the same `event_id` is stored once. When absent, the key is a hash of all the row's values (so an exact repeat is stored once).",
  ),
  user_id: text({ required: true, max: EVENT_TEXT_LIMITS.user_id }).describe(
    "shopper id; unknown users are created (gender `unknown`)",
  ),
  sku: text({ required: true, max: EVENT_TEXT_LIMITS.sku }).describe(
    'must already exist (import the catalog first); otherwise the row is rejected: `events.csv:3: column sku: unknown product "NOPE" (import it with \\`import catalog\\` first)`',
  ),
  type: oneOf(EVENT_TYPES, { required: true }).describe("case-insensitive"),
  occurred_at: date({ required: true }).describe("a date-time needs its zone; see [Dates](#dates)"),
  source: text({ max: EVENT_TEXT_LIMITS.source }).describe("free text, default `import` (e.g. `web`, `app`, `pos`)"),
  order_id: text({ max: EVENT_TEXT_LIMITS.order_id }).describe("free text"),
  price: number({ min: 0 }).describe("unit price paid"),
  quantity: integer({ min: 1 }).describe("default 1"),
});

/**
 * One shopper event. The idempotency key is `event:<event_id>` when given, else `event:<hash of the row's values>`,
 * so a re-sent event is stored once.
 */
export function parseEventRow(record: TableRecord, file: string): ParsedValue<InteractionInput> {
  const parsed = readRow(EventRowSchema, record, file);
  if (!parsed.ok) return parsed;
  const { event_id: eventId, user_id: userId, sku, type, occurred_at: occurredAt } = parsed.value;
  const source = parsed.value.source ?? "import";
  const orderId = parsed.value.order_id ?? null;
  const price = parsed.value.price ?? null;
  const quantity = parsed.value.quantity ?? 1;
  const content = [
    userId,
    sku,
    type,
    occurredAt.toISOString(),
    source,
    orderId ?? "",
    String(price ?? ""),
    String(quantity),
  ];
  const key = eventId ?? hashKey(content);
  return {
    ok: true,
    key,
    fingerprint: hashKey(content),
    value: {
      idempotencyKey: `event:${key}`,
      userExternalId: userId,
      sku,
      type,
      occurredAt,
      source,
      orderId,
      price,
      quantity,
    },
  };
}

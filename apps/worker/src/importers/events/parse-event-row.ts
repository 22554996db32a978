import { EVENT_TYPES } from "@jewelguide/model";
import { RowReader } from "../../import/row-reader";
import type { ParsedValue } from "../../import/stream-rows";
import type { TableRecord } from "../../io/read-table";
import type { InteractionInput } from "../../store/insert-interactions";
import { hashKey } from "../hash-key";

export const EVENTS_SCHEMA = {
  required: ["user_id", "sku", "type", "occurred_at"],
  optional: ["event_id", "source", "order_id", "price", "quantity"],
} as const;

/** The most characters each free-text column may hold (docs/data-formats.md, "Length limits"). */
export const EVENT_TEXT_LIMITS = { event_id: 200, user_id: 200, sku: 200, source: 50, order_id: 200 } as const;

/**
 * One shopper event. The idempotency key is `event:<event_id>` when given, else `event:<hash of the row's values>`,
 * so a re-sent event is stored once.
 */
export function parseEventRow(record: TableRecord, file: string): ParsedValue<InteractionInput> {
  const r = new RowReader(file, record.line, record.values);
  const eventId = r.string("event_id", { max: EVENT_TEXT_LIMITS.event_id });
  const userId = r.string("user_id", { required: true, max: EVENT_TEXT_LIMITS.user_id });
  const sku = r.string("sku", { required: true, max: EVENT_TEXT_LIMITS.sku });
  const type = r.oneOf("type", EVENT_TYPES, { required: true });
  const occurredAt = r.date("occurred_at", { required: true });
  const source = r.string("source", { max: EVENT_TEXT_LIMITS.source }) ?? "import";
  const orderId = r.string("order_id", { max: EVENT_TEXT_LIMITS.order_id }) ?? null;
  const price = r.number("price", { min: 0 }) ?? null;
  const quantity = r.integer("quantity", { min: 1 }) ?? 1;
  if (r.problems.length > 0 || type === undefined || occurredAt === undefined)
    return { ok: false, problems: r.problems };
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

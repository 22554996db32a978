import { EVENT_TYPES } from "@jewelguide/model";
import { hashKey } from "../../domain/hash-key";
import { RowReader } from "../../import/row-reader";
import type { ParsedValue } from "../../import/stream-rows";
import type { TableRecord } from "../../io/read-table";
import type { InteractionInput } from "../../store/insert-interactions";

export const EVENTS_SCHEMA = {
  required: ["user_id", "sku", "type", "occurred_at"],
  optional: ["event_id", "source", "order_id", "price", "quantity"],
} as const;

/**
 * One shopper event. The idempotency key is `event:<event_id>` when given, else `event:<hash of the row's values>`,
 * so a re-sent event is stored once.
 */
export function parseEventRow(record: TableRecord, file: string): ParsedValue<InteractionInput> {
  const r = new RowReader(file, record.line, record.values);
  const eventId = r.string("event_id", { max: 200 });
  const userId = r.string("user_id", { required: true, max: 200 });
  const sku = r.string("sku", { required: true, max: 200 });
  const type = r.oneOf("type", EVENT_TYPES, { required: true });
  const occurredAt = r.date("occurred_at", { required: true });
  const source = r.string("source", { max: 50 }) ?? "import";
  const orderId = r.string("order_id", { max: 200 }) ?? null;
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

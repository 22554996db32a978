import crypto from "node:crypto";

/** One event as the shop's client sends it (events.log), with a fresh idempotency key unless given. */
export function shopperEvent(fields: Record<string, unknown> & { type: string; productId: number }) {
  return { idempotencyKey: crypto.randomUUID(), ...fields };
}

/** The key the server stores a web event under (packages/api/src/services/events/log-events.ts: webEventKey). */
export function storedEventKey(idempotencyKey: string): string {
  return `web:${idempotencyKey.toLowerCase()}`;
}

"use client";

import { useEffect, useState } from "react";
import { newEventKey } from "../lib/new-event-key";
import { useLogEvents } from "./use-log-events";

type ImpressionLoggerProps = {
  shopperId: string | undefined;
  surface: string;
  requestId: string;
  modelVersionId: number | null;
  items: ReadonlyArray<{ id: number; slot: number }>;
};

/**
 * Logs one impression per shown item (slot, request id, model version) once the list is on screen. Keys are made once
 * per mount, so a re-run effect (React strict mode) re-sends the same keys and the server stores them once.
 */
export function ImpressionLogger({ shopperId, surface, requestId, modelVersionId, items }: ImpressionLoggerProps) {
  const { mutate } = useLogEvents();
  const [keys] = useState(() => items.map(() => newEventKey()));
  useEffect(() => {
    if (!shopperId || items.length === 0) return;
    mutate({
      shopperId,
      events: items.map((item, i) => ({
        idempotencyKey: keys[i] ?? newEventKey(),
        type: "impression",
        productId: item.id,
        slot: item.slot,
        requestId,
        modelVersionId,
        surface,
      })),
    });
  }, [shopperId, surface, requestId, modelVersionId, items, keys, mutate]);
  return null;
}

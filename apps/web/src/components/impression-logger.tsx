"use client";

import { useEffect, useState } from "react";
import { newEventKey } from "@/lib/new-event-key";
import { useLogEvents } from "./use-log-events";

type ImpressionLoggerProps = {
  /** The shown items with the signed attribution the server served each with (list, request, slot, version). */
  items: ReadonlyArray<{ id: number; attribution: string }>;
};

/**
 * Logs one impression per shown item once the list is on screen, each quoting its attribution (the server stores the
 * request, slot and model version from it). Keys are made once per mount, so a re-run effect (React strict mode)
 * re-sends the same keys and the server stores them once. The shopper is the cookie's: nothing to send.
 */
export function ImpressionLogger({ items }: ImpressionLoggerProps) {
  const { mutate } = useLogEvents();
  const [keys] = useState(() => items.map(() => newEventKey()));
  useEffect(() => {
    if (items.length === 0) return;
    mutate({
      events: items.map((item, i) => ({
        idempotencyKey: keys[i] ?? newEventKey(),
        type: "impression",
        productId: item.id,
        attribution: item.attribution,
      })),
    });
  }, [items, keys, mutate]);
  return null;
}

"use client";

import { useEffect, useState } from "react";
import { newEventKey } from "@/lib/new-event-key";
import { useLogEvents } from "./use-log-events";

type ProductActivityLoggerProps = { productId: number; attribution: string | null };

/**
 * On a product page: logs the view, and — when the shopper arrived from a recommendation list — the click, quoting
 * the attribution the link carried. Logged here rather than on the link, so navigating away never loses the event.
 */
export function ProductActivityLogger({ productId, attribution }: ProductActivityLoggerProps) {
  const { mutate } = useLogEvents();
  const [keys] = useState(() => ({ view: newEventKey(), click: newEventKey() }));
  useEffect(() => {
    const click = attribution ? [{ idempotencyKey: keys.click, type: "click" as const, productId, attribution }] : [];
    mutate({
      events: [...click, { idempotencyKey: keys.view, type: "view", productId, surface: "product" }],
    });
  }, [productId, attribution, keys, mutate]);
  return null;
}

"use client";

import { useEffect, useState } from "react";
import { newEventKey } from "../lib/new-event-key";
import type { RecommendationRef } from "../lib/recommendation-ref";
import { useLogEvents } from "./use-log-events";

type ProductActivityLoggerProps = { shopperId: string | undefined; productId: number; from: RecommendationRef | null };

/**
 * On a product page: logs the view, and — when the shopper arrived from a recommendation list — the click on that
 * list's slot. Logged here rather than on the link, so navigating away never loses the event.
 */
export function ProductActivityLogger({ shopperId, productId, from }: ProductActivityLoggerProps) {
  const { mutate } = useLogEvents();
  const [keys] = useState(() => ({ view: newEventKey(), click: newEventKey() }));
  useEffect(() => {
    if (!shopperId) return;
    const click = from
      ? [
          {
            idempotencyKey: keys.click,
            type: "click" as const,
            productId,
            slot: from.slot,
            requestId: from.requestId,
            modelVersionId: from.modelVersionId,
            surface: from.surface,
          },
        ]
      : [];
    mutate({
      shopperId,
      events: [...click, { idempotencyKey: keys.view, type: "view", productId, surface: "product" }],
    });
  }, [shopperId, productId, from, keys, mutate]);
  return null;
}

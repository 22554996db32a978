"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";

/** Sends shopper events through tRPC (`events.log`); every event carries its own idempotency key. */
export function useLogEvents() {
  const trpc = useTRPC();
  return useMutation(trpc.events.log.mutationOptions());
}

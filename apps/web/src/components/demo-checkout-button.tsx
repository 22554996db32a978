"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { newEventKey } from "@/lib/new-event-key";
import { useLogEvents } from "./use-log-events";

type DemoCheckoutButtonProps = {
  productIds: number[];
  label: string;
  doneLabel: string;
  failedLabel: string;
};

/**
 * The demo checkout: one purchase event per cart line, one order id. No payment: the server stores every web purchase
 * as a demo checkout, at the catalog's price and currency.
 */
export function DemoCheckoutButton({ productIds, label, doneLabel, failedLabel }: DemoCheckoutButtonProps) {
  const { mutateAsync, isPending } = useLogEvents();
  const router = useRouter();
  const [state, setState] = useState<"idle" | "done" | "failed">("idle");
  const buy = async () => {
    const orderId = `demo-${newEventKey()}`;
    try {
      await mutateAsync({
        events: productIds.map((productId) => ({
          idempotencyKey: newEventKey(),
          type: "purchase" as const,
          productId,
          orderId,
          surface: "cart",
        })),
      });
      setState("done");
      router.refresh();
    } catch {
      setState("failed");
    }
  };
  return (
    <div className="flex flex-col gap-2">
      {productIds.length > 0 && (
        <button
          type="button"
          onClick={buy}
          disabled={isPending}
          data-testid="demo-checkout"
          className="rounded-full bg-ink px-5 py-2.5 text-sm text-white transition-colors hover:bg-gold-700 focus-visible:ring-2 focus-visible:ring-gold-500 focus-visible:outline-none disabled:opacity-60"
        >
          {label}
        </button>
      )}
      <p role="status" className="text-sm text-gold-700">
        {state === "done" ? doneLabel : state === "failed" ? failedLabel : ""}
      </p>
    </div>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { newEventKey } from "@/lib/new-event-key";
import { useLogEvents } from "./use-log-events";

type ShopperListToggleProps = {
  productId: number;
  list: "favorite" | "cart";
  initiallyOn: boolean;
  labelOn: string;
  labelOff: string;
  failedLabel: string;
  testId: string;
};

/**
 * Favourite / add-to-cart button: logs a favorite or cart event with action add or remove for the cookie's shopper
 * (the browser sends the cookie; a browser without one is given one by the server), then refreshes the page.
 */
export function ShopperListToggle(props: ShopperListToggleProps) {
  const { mutateAsync, isPending } = useLogEvents();
  const router = useRouter();
  const [on, setOn] = useState(props.initiallyOn);
  const [failed, setFailed] = useState(false);
  const toggle = async () => {
    const action = on ? "remove" : "add";
    setFailed(false);
    try {
      await mutateAsync({
        events: [
          { idempotencyKey: newEventKey(), type: props.list, productId: props.productId, action, surface: "product" },
        ],
      });
      setOn(!on);
      router.refresh();
    } catch {
      setFailed(true);
    }
  };
  return (
    <span className="flex flex-col gap-1">
      <button
        type="button"
        onClick={toggle}
        disabled={isPending}
        aria-pressed={on}
        data-testid={props.testId}
        className={`rounded-full border px-4 py-2 text-sm transition-colors focus-visible:ring-2 focus-visible:ring-gold-500 focus-visible:outline-none disabled:opacity-60 ${
          on
            ? "border-gold-500 bg-gold-500 text-white"
            : "border-line bg-white text-ink hover:border-gold-300 hover:bg-gold-50"
        }`}
      >
        {on ? props.labelOn : props.labelOff}
      </button>
      {failed && (
        <span role="alert" className="text-xs text-red-700">
          {props.failedLabel}
        </span>
      )}
    </span>
  );
}

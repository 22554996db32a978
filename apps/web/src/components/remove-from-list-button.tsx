"use client";

import { useRouter } from "next/navigation";
import { newEventKey } from "@/lib/new-event-key";
import { useLogEvents } from "./use-log-events";

type RemoveFromListButtonProps = { productId: number; list: "favorite" | "cart"; label: string };

/** Takes an item off the favourites or the cart: a favorite/cart event with action "remove". */
export function RemoveFromListButton({ productId, list, label }: RemoveFromListButtonProps) {
  const { mutateAsync, isPending } = useLogEvents();
  const router = useRouter();
  const remove = async () => {
    await mutateAsync({
      events: [
        {
          idempotencyKey: newEventKey(),
          type: list,
          productId,
          action: "remove",
          surface: list === "cart" ? "cart" : "favorites",
        },
      ],
    });
    router.refresh();
  };
  return (
    <button
      type="button"
      onClick={remove}
      disabled={isPending}
      className="text-sm text-muted underline underline-offset-4 hover:text-ink focus-visible:ring-2 focus-visible:ring-gold-500 focus-visible:outline-none"
    >
      {label}
    </button>
  );
}

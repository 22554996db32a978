import type { Messages } from "@jewelguide/i18n";

/** The product card's badge for a piece that cannot be bought now; nothing for one in stock. */
export function OutOfStockBadge({ inStock, messages }: { inStock: boolean; messages: Messages }) {
  if (inStock) return null;
  return (
    <span className="absolute top-2 left-2 rounded-full bg-white/90 px-2 py-0.5 text-[11px] text-muted ring-1 ring-line">
      {messages.outOfStock}
    </span>
  );
}

import type { Db } from "@jewelguide/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { getModelServing } from "../../model-serving/get-model-serving";
import { LocaleSchema } from "./locale-schema";
import { type RecommendedItem, toRecommendedItem } from "./recommended-item";

export const ListBoughtTogetherInputSchema = z.object({
  sku: z.string().trim().min(1).max(100),
  k: z.number().int().min(1).max(24).default(4),
  locale: LocaleSchema.default("zh"),
});
export type ListBoughtTogetherInput = z.input<typeof ListBoughtTogetherInputSchema>;

/** How many of the product's most recent orders are scanned for companions. */
const ORDER_SCAN_LIMIT = 500;

/**
 * "Often bought together": other products in the same orders as this one (stored purchases sharing an orderId), most
 * shared orders first, in stock only. Empty when the data has no such orders: the page then shows nothing.
 */
export async function listBoughtTogether(db: Db, rawInput: ListBoughtTogetherInput): Promise<RecommendedItem[]> {
  const input = ListBoughtTogetherInputSchema.parse(rawInput);
  const snapshot = await getModelServing(db).current();
  const anchor = snapshot.catalog.bySku.get(input.sku);
  if (!anchor) throw new TRPCError({ code: "NOT_FOUND", message: `Product with SKU '${input.sku}' does not exist` });
  const orders = await db.interaction.findMany({
    where: { productId: anchor.id, type: "purchase", orderId: { not: null } },
    orderBy: { occurredAt: "desc" },
    take: ORDER_SCAN_LIMIT,
    select: { orderId: true },
  });
  const orderIds = [...new Set(orders.flatMap((row) => row.orderId ?? []))];
  if (orderIds.length === 0) return [];
  const companions = await db.interaction.findMany({
    where: { orderId: { in: orderIds }, type: "purchase", productId: { not: anchor.id } },
    select: { orderId: true, productId: true },
  });
  const ordersByProduct = new Map<number, Set<string>>();
  for (const row of companions) {
    if (row.orderId === null) continue;
    const set = ordersByProduct.get(row.productId) ?? new Set<string>();
    set.add(row.orderId);
    ordersByProduct.set(row.productId, set);
  }
  return [...ordersByProduct.entries()]
    .map(([productId, shared]) => ({ product: snapshot.catalog.byId.get(productId), orders: shared.size }))
    .flatMap((entry) => (entry.product?.inStock ? [{ product: entry.product, orders: entry.orders }] : []))
    .sort((a, b) => b.orders - a.orders || b.product.purchases - a.product.purchases || a.product.id - b.product.id)
    .slice(0, input.k)
    .map((entry, slot) =>
      toRecommendedItem(
        entry.product,
        slot,
        entry.orders,
        { kind: "bought-together", anchorTitleZh: anchor.titleZh, anchorTitleEn: anchor.titleEn, orders: entry.orders },
        input.locale,
      ),
    );
}

import { randomUUID } from "node:crypto";
import { AppError } from "@jewelguide/db/errors";
import { z } from "zod";
import type { ServerRuntime } from "../../runtime/create-server-runtime";
import { type RecommendedItem, toRecommendedItem } from "./recommended-item";
import { type Audience, signServedItems } from "./serve-to";

export const ListBoughtTogetherInputSchema = z.strictObject({
  sku: z.string().trim().min(1).max(100),
  k: z.number().int().min(1).max(24).default(4),
});
export type ListBoughtTogetherInput = z.input<typeof ListBoughtTogetherInputSchema>;

/** Not the model's picks (shared orders), so no model version; its own request id for the events that quote it. */
export type BoughtTogether = { requestId: string; items: RecommendedItem[] };

/**
 * "Often bought together": other products in the same orders as this one (stored purchases sharing an orderId), most
 * shared orders first, in stock only. Read from the product cache (co-purchases are counted when it loads). Empty when
 * the data has no such orders: the page then shows nothing. Each item carries its signed attribution for this shopper.
 */
export async function listBoughtTogether(
  { serving }: Pick<ServerRuntime, "serving">,
  rawInput: ListBoughtTogetherInput,
  audience: Audience,
): Promise<BoughtTogether> {
  const input = ListBoughtTogetherInputSchema.parse(rawInput);
  const snapshot = await serving.current();
  const anchor = snapshot.catalog.bySku.get(input.sku);
  if (!anchor) throw new AppError("NOT_FOUND", `Product with SKU '${input.sku}' does not exist`);
  const items = (snapshot.catalog.boughtTogether.get(anchor.id) ?? [])
    .map((entry) => ({ product: snapshot.catalog.byId.get(entry.productId), orders: entry.orders }))
    .flatMap((entry) => (entry.product?.inStock ? [{ product: entry.product, orders: entry.orders }] : []))
    .sort((a, b) => b.orders - a.orders || b.product.purchases - a.product.purchases || a.product.id - b.product.id)
    .slice(0, input.k)
    .map((entry, slot) =>
      toRecommendedItem(entry.product, slot, entry.orders, {
        kind: "bought-together",
        anchorTitleZh: anchor.titleZh,
        anchorTitleEn: anchor.titleEn,
        orders: entry.orders,
      }),
    );
  const requestId = randomUUID();
  return {
    requestId,
    items: signServedItems(items, { requestId, modelVersionId: null, surface: "bought-together" }, audience),
  };
}

import type { Db } from "@jewelguide/db";
import { isRemovalContext } from "@jewelguide/model/events";
import { z } from "zod";
import type { ShopperIdentity } from "../../request-client";
import { type ProductCard, productCardSelect } from "../catalog/product-selectors";

export const SHOPPER_LISTS = ["favorite", "cart"] as const;

/** Which list of the request's own shopper (there is no shopper field: the signed cookie says whose). */
export const ListShopperItemsInputSchema = z.strictObject({
  list: z.enum(SHOPPER_LISTS),
});
export type ListShopperItemsInput = z.input<typeof ListShopperItemsInputSchema>;

export type ShopperListItem = ProductCard & { addedAt: Date };

/**
 * A shopper's favourites or cart, derived from their stored events (the schema has no list tables and no "remove"
 * event type): per product, the latest favourite (resp. cart) event decides — `context.action = "remove"` takes it
 * off; for the cart, a purchase after the latest add also empties that line. Newest additions first. A request
 * without a verified shopper has empty lists.
 */
export async function listShopperItems(
  db: Db,
  rawInput: ListShopperItemsInput,
  shopper: ShopperIdentity | undefined,
): Promise<ShopperListItem[]> {
  const input = ListShopperItemsInputSchema.parse(rawInput);
  if (!shopper) return [];
  const types = input.list === "cart" ? ["cart", "purchase"] : ["favorite"];
  const events = await db.interaction.findMany({
    where: { user: { externalId: shopper.externalId }, type: { in: types } },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: { productId: true, type: true, occurredAt: true, context: true },
  });
  const addedAt = new Map<number, Date>();
  for (const event of events) {
    if (event.type === "purchase" || isRemovalContext(event.context)) addedAt.delete(event.productId);
    else addedAt.set(event.productId, event.occurredAt);
  }
  if (addedAt.size === 0) return [];
  const products = await db.product.findMany({
    where: { id: { in: [...addedAt.keys()] } },
    select: productCardSelect,
  });
  return products
    .flatMap((product) => {
      const at = addedAt.get(product.id);
      return at ? [{ ...product, addedAt: at }] : [];
    })
    .sort((a, b) => b.addedAt.getTime() - a.addedAt.getTime() || b.id - a.id);
}

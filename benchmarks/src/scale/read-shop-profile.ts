import type { Db } from "@jewelguide/db";
import { fitShopProfile, type ShopProfile } from "./shop-profile";

/**
 * Fits the scale generator's profile to a shop database — the REES46 benchmark database, whose catalog and purchases
 * went through the worker's REES46 importer (so categories, metals and gems are already the catalog's own values).
 */
export async function readShopProfile(db: Db): Promise<ShopProfile> {
  const products = await db.product.findMany({
    select: { id: true, category: true, metal: true, gem: true, color: true, gender: true, price: true },
    orderBy: { id: "asc" },
  });
  const purchases = await db.interaction.findMany({
    where: { type: "purchase" },
    select: { userId: true, productId: true },
    orderBy: { id: "asc" },
  });
  return fitShopProfile(products, purchases);
}

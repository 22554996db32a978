import type { Category } from "@jewelguide/model";
import type { ProductInput } from "../../store/product-input";
import { deriveTitles } from "../derive-titles";
import type { Rees46Row } from "./parse-row";

const CATEGORY_BY_ALIAS: Record<string, Category> = {
  "jewelry.earring": "earring",
  "jewelry.stud": "earring",
  "jewelry.ring": "ring",
  "jewelry.pendant": "pendant",
  "jewelry.necklace": "necklace",
  "jewelry.bracelet": "bracelet",
  "jewelry.brooch": "brooch",
  "electronics.clocks": "watch",
  "jewelry.souvenir": "other",
};

export function mapCategoryAlias(alias: string | null): Category | undefined {
  return alias === null ? undefined : CATEGORY_BY_ALIAS[alias];
}

/** gold + red → rose-gold, gold + white → white-gold, other gold → gold; silver, platinum as-is; else null. */
export function mapMetal(metal: string | null, color: string | null): string | null {
  if (metal === "gold") return color === "red" ? "rose-gold" : color === "white" ? "white-gold" : "gold";
  if (metal === "silver" || metal === "platinum") return metal;
  return null;
}

export function mapGem(gem: string | null): string | null {
  if (gem === null) return null;
  return gem === "fianit" ? "cubic-zirconia" : gem;
}

/** The category of a product: its own alias, else the alias other rows with its category_id carry, else other. */
export type CategoryResolution = { category: Category; alias: string | null; inferredFrom?: "category_id" };

/** Maps the product's latest purchase row to a catalog product. */
export function mapRees46Product(latest: Rees46Row, resolution: CategoryResolution): ProductInput {
  const metal = mapMetal(latest.metal, latest.color);
  const gem = mapGem(latest.gem);
  const attributes: Record<string, unknown> = {
    categoryId: latest.categoryId,
    categoryAlias: resolution.alias,
    brandId: latest.brandId,
    rawMetal: latest.metal,
    rawGem: latest.gem,
  };
  if (resolution.inferredFrom) attributes.categoryInferredFrom = resolution.inferredFrom;
  return {
    sku: latest.productId,
    ...deriveTitles({ category: resolution.category, metal, gem }),
    description: "",
    category: resolution.category,
    metal,
    gem,
    color: latest.color,
    gender: latest.gender === "f" ? "female" : latest.gender === "m" ? "male" : null,
    price: latest.price,
    currency: "USD",
    brand: latest.brandId === null ? null : `brand-${latest.brandId}`,
    inStock: true,
    source: "rees46",
    attributes,
  };
}

import type { CatalogItem } from "../../data/interaction";

/**
 * The content an item tower sees: sparse feature tokens (category, metal, gem, colour, gender, price band, brand,
 * their crosses, any extra attributes) and optional dense vectors (text, image) that encoders supply.
 */
export type ItemContent = { tokens: string[]; dense?: Float32Array };

/** Log-scale price band (≈ ×1.6 per band), so neighbouring prices share a band. */
export function priceBand(price: number | null): string {
  if (price === null || !(price > 0)) return "unknown";
  return String(Math.round(Math.log(price) / Math.log(1.6)));
}

export function describeItemContent(item: CatalogItem | undefined, dense?: Float32Array): ItemContent {
  if (item === undefined) return { tokens: [], dense };
  const tokens = [`category:${item.category}`, `price:${priceBand(item.price)}`];
  if (item.metal !== null) tokens.push(`metal:${item.metal}`, `category-metal:${item.category}:${item.metal}`);
  if (item.gem !== null) tokens.push(`gem:${item.gem}`, `category-gem:${item.category}:${item.gem}`);
  if (item.color !== null) tokens.push(`color:${item.color}`);
  if (item.gender !== null) tokens.push(`gender:${item.gender}`);
  if (item.brand !== null) tokens.push(`brand:${item.brand}`, `brand-price:${item.brand}:${priceBand(item.price)}`);
  for (const [key, value] of Object.entries(item.extra ?? {})) {
    if (value !== null && value !== "") tokens.push(`extra:${key}:${value}`);
  }
  return { tokens, dense };
}

import type { PickReason } from "@jewelguide/i18n";
import type { CachedProduct } from "../../model-serving/product-catalog";

/**
 * A recommended product as sent to the browser: card fields, its slot, the model score and why it is there as a code
 * (the page, or the HTTP API in the requested language, writes the "why this?" line with describeReason).
 */
export type RecommendedItem = {
  id: number;
  sku: string;
  titleZh: string;
  titleEn: string;
  category: string;
  metal: string | null;
  gem: string | null;
  price: number;
  currency: string;
  imageUrl: string | null;
  inStock: boolean;
  /** 0-based position in the list (logged with impressions). */
  slot: number;
  score: number;
  reason: PickReason;
  /** Signed proof that this item was served to this shopper in this list and slot (serve-to.ts): sent back with events. */
  attribution: string;
};

/** Which recommender answered: logged with every impression. */
export type ServedBy = {
  requestId: string;
  modelVersionId: number | null;
  modelKind: string;
  source: "active-version" | "fallback-popularity";
};

export function toRecommendedItem(
  product: CachedProduct,
  slot: number,
  score: number,
  reason: PickReason,
): Omit<RecommendedItem, "attribution"> {
  return {
    id: product.id,
    sku: product.sku,
    titleZh: product.titleZh,
    titleEn: product.titleEn,
    category: product.category,
    metal: product.metal,
    gem: product.gem,
    price: product.price,
    currency: product.currency,
    imageUrl: product.imageUrl,
    inStock: product.inStock,
    slot,
    score: Number.isFinite(score) ? score : 0,
    reason,
  };
}

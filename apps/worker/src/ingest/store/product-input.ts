import type { Category } from "@jewelguide/model";

/** A product as an importer maps it, before it meets the database. */
export type ProductInput = {
  sku: string;
  titleZh: string;
  titleEn: string;
  description: string;
  category: Category;
  metal: string | null;
  gem: string | null;
  color: string | null;
  gender: string | null;
  price: number;
  currency: string;
  brand: string | null;
  /** undefined keeps the stored photo (REES46 has none; the demo sets one). */
  imageUrl?: string | null;
  inStock: boolean;
  source: string;
  /** Merged key by key into the stored attributes (keys not given here are kept). */
  attributes: Record<string, unknown>;
  /** Set only when the source knows it; otherwise the database default (now) applies. */
  createdAt?: Date;
};

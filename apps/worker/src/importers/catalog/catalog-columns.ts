import type { TableSchema } from "../../io/read-table";

/** The documented catalog format (docs/data-formats.md). */
export const CATALOG_SCHEMA: TableSchema = {
  required: ["sku", "category", "price"],
  optional: [
    "title_zh",
    "title_en",
    "description",
    "metal",
    "gem",
    "color",
    "gender",
    "currency",
    "brand",
    "image",
    "in_stock",
    "created_at",
    "attributes",
  ],
};

/** The most characters each free-text column may hold (docs/data-formats.md, "Length limits"). */
export const CATALOG_TEXT_LIMITS = {
  sku: 200,
  title_zh: 500,
  title_en: 500,
  description: 20_000,
  gem: 100,
  color: 100,
  brand: 200,
  currency: 100,
  image: 2_000,
} as const;

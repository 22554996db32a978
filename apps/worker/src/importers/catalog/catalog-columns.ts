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

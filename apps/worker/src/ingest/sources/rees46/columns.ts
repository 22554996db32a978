/** Column order of the REES46 jewelry file (SOURCE.md); the raw file has no header row. */
export const REES46_COLUMNS = [
  "order_datetime",
  "order_id",
  "product_id",
  "sku_quantity",
  "category_id",
  "category_alias",
  "brand_id",
  "price_usd",
  "user_id",
  "product_gender",
  "main_color",
  "main_metal",
  "main_gem",
] as const;

export type Rees46Column = (typeof REES46_COLUMNS)[number];

/**
 * 5,352 rows of the raw file have 11 fields: category_id and category_alias are absent. They are padded with two
 * empty fields after sku_quantity, exactly as the normalized file does.
 */
export function padShortRow(fields: string[]): string[] {
  if (fields.length !== 11) return fields;
  return [...fields.slice(0, 4), "", "", ...fields.slice(4)];
}

import type { TableRecord } from "../../read/read-table";
import type { ColumnMapping } from "./column-mapping";
import { prepareShopifyRows, SHOPIFY_COLUMNS } from "./shopify-rows";

/** A known export layout: how its columns map, and how its rows become catalog rows (fresh state per import). */
export type CatalogPreset = {
  columns: ColumnMapping;
  createPrepare?: () => (record: TableRecord) => TableRecord | undefined;
};

export const CATALOG_PRESETS: Record<string, CatalogPreset> = {
  shopify: { columns: SHOPIFY_COLUMNS, createPrepare: prepareShopifyRows },
};

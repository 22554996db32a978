import type { TableRecord } from "../../read/read-table";
import { readRow } from "../../read-row";
import type { ProductInput } from "../../store/product-input";
import { stableJson } from "../../store/stable-json";
import type { ParsedValue } from "../../stream-rows";
import { deriveTitles } from "../derive-titles";
import { hashKey } from "../hash-key";
import { CatalogRowSchema } from "./catalog-columns";
import { normalizeCatalogAttributes } from "./normalize-catalog-attributes";

/** A catalog row: the product plus its image reference, resolved when the batch is written. */
export type CatalogRow = { product: ProductInput; image?: string };

export function parseCatalogRow(record: TableRecord, file: string): ParsedValue<CatalogRow> {
  const parsed = readRow(CatalogRowSchema, record, file);
  if (!parsed.ok) return parsed;
  const row = parsed.value;
  const { category, metal, gem, color, gender, kept, warnings } = normalizeCatalogAttributes(row, {
    file,
    line: record.line,
  });
  const derived = deriveTitles({ category, metal, gem });
  const product: ProductInput = {
    sku: row.sku,
    titleZh: row.title_zh ?? derived.titleZh,
    titleEn: row.title_en ?? derived.titleEn,
    description: row.description ?? "",
    category,
    metal,
    gem,
    color,
    gender,
    price: row.price,
    currency: row.currency?.toUpperCase() ?? "USD",
    brand: row.brand ?? null,
    imageUrl: row.image === undefined ? null : undefined,
    inStock: row.in_stock ?? true,
    source: "catalog",
    attributes: { ...kept, ...row.attributes },
  };
  if (row.created_at) product.createdAt = row.created_at;
  const value: CatalogRow = row.image === undefined ? { product } : { product, image: row.image };
  return { ok: true, value, key: row.sku, fingerprint: hashKey([stableJson(value)]), warnings };
}

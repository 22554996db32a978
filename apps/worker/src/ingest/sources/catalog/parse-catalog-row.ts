import { checkAttributes } from "../../check-attributes";
import type { TableRecord } from "../../read/read-table";
import { readRow } from "../../read-row";
import type { ProductInput } from "../../store/product-input";
import { stableJson } from "../../store/stable-json";
import type { ParsedValue } from "../../stream-rows";
import { deriveTitles } from "../derive-titles";
import { hashKey } from "../hash-key";
import { CatalogRowSchema } from "./catalog-columns";
import { CATALOG_COLUMN_NAMES, type UnknownColumns } from "./column-mapping";
import { normalizeCatalogAttributes } from "./normalize-catalog-attributes";

/** A catalog row: the product plus its image reference, resolved when the batch is written. */
export type CatalogRow = { product: ProductInput; image?: string };

export type CatalogRowOptions = {
  /** Columns that are no catalog column: kept in attributes under their names (default) or ignored. */
  unknownColumns?: UnknownColumns;
  /** The currency of rows that name none, when the price column's name gives one (`价格(元)`). */
  defaultCurrency?: string;
  /** Told each unknown column name that holds a value (to list them once in the summary). */
  onUnknownColumn?: (name: string) => void;
};

const KNOWN_COLUMNS: ReadonlySet<string> = new Set(CATALOG_COLUMN_NAMES);

export function parseCatalogRow(
  record: TableRecord,
  file: string,
  options: CatalogRowOptions = {},
): ParsedValue<CatalogRow> {
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
    price: row.price.amount,
    currency: row.currency?.toUpperCase() ?? row.price.currency ?? options.defaultCurrency ?? "USD",
    brand: row.brand ?? null,
    imageUrl: row.image === undefined ? null : undefined,
    inStock: row.in_stock ?? true,
    source: "catalog",
    attributes: { ...unknownColumns(record, options), ...kept, ...row.attributes },
  };
  const problems = checkAttributes(product.attributes);
  if (problems.length > 0) {
    return {
      ok: false,
      problems: problems.map((message) => ({ file, line: record.line, column: "attributes", message })),
    };
  }
  if (row.created_at) product.createdAt = row.created_at;
  const value: CatalogRow = row.image === undefined ? { product } : { product, image: row.image };
  return { ok: true, value, key: row.sku, fingerprint: hashKey([stableJson(value)]), warnings };
}

/** The row's values under no catalog column name, empty ones left out; kept unless the options say ignore. */
function unknownColumns(record: TableRecord, options: CatalogRowOptions): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record.values)) {
    if (KNOWN_COLUMNS.has(name) || value === undefined || value === null) continue;
    if (typeof value === "string" && value.trim() === "") continue;
    options.onUnknownColumn?.(name);
    if (options.unknownColumns !== "ignore") extra[name] = typeof value === "string" ? value.trim() : value;
  }
  return extra;
}

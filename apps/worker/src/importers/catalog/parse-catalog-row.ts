import { CATEGORIES, GENDERS, METALS } from "@jewelguide/model";
import { quoteValue } from "../../import/quote-value";
import { RowReader } from "../../import/row-reader";
import type { ParsedValue } from "../../import/stream-rows";
import type { TableRecord } from "../../io/read-table";
import type { ProductInput } from "../../store/product-input";
import { stableJson } from "../../store/stable-json";
import { deriveTitles } from "../derive-titles";
import { hashKey } from "../hash-key";
import { CATALOG_TEXT_LIMITS as MAX } from "./catalog-columns";

/** A catalog row: the product plus its image reference, resolved when the batch is written. */
export type CatalogRow = { product: ProductInput; image?: string };

export function parseCatalogRow(record: TableRecord, file: string): ParsedValue<CatalogRow> {
  const r = new RowReader(file, record.line, record.values);
  const sku = r.string("sku", { required: true, max: MAX.sku });
  const category = r.oneOf("category", CATEGORIES, { required: true });
  const metal = r.oneOf("metal", METALS);
  const gem = r.string("gem", { max: MAX.gem })?.toLowerCase().replace(/\s+/g, "-");
  const price = r.number("price", { required: true, min: 0 });
  const currency = r.string("currency", { max: MAX.currency })?.toUpperCase() ?? "USD";
  if (!/^[A-Z]{3}$/.test(currency)) r.report("currency", `${quoteValue(currency)} is not a 3-letter currency code`);
  const gender = r.oneOf("gender", GENDERS);
  const inStock = r.boolean("in_stock");
  const createdAt = r.date("created_at");
  const attributes = r.object("attributes") ?? {};
  const titleZh = r.string("title_zh", { max: MAX.title_zh });
  const titleEn = r.string("title_en", { max: MAX.title_en });
  const description = r.string("description", { max: MAX.description }) ?? "";
  const color = r.string("color", { max: MAX.color })?.toLowerCase();
  const brand = r.string("brand", { max: MAX.brand });
  const image = r.string("image", { max: MAX.image });
  if (r.problems.length > 0 || category === undefined || price === undefined)
    return { ok: false, problems: r.problems };
  const derived = deriveTitles({ category, metal, gem });
  const product: ProductInput = {
    sku,
    titleZh: titleZh ?? derived.titleZh,
    titleEn: titleEn ?? derived.titleEn,
    description,
    category,
    metal: metal ?? null,
    gem: gem ?? null,
    color: color ?? null,
    gender: gender ?? null,
    price,
    currency,
    brand: brand ?? null,
    imageUrl: image === undefined ? null : undefined,
    inStock: inStock ?? true,
    source: "catalog",
    attributes,
  };
  if (createdAt) product.createdAt = createdAt;
  const row: CatalogRow = image === undefined ? { product } : { product, image };
  return { ok: true, value: row, key: sku, fingerprint: hashKey([stableJson(row)]) };
}

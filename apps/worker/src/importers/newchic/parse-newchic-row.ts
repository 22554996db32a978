import type { Problem } from "../../import/problem";
import { quoteValue } from "../../import/quote-value";
import { RowReader } from "../../import/row-reader";
import type { TableRecord } from "../../io/read-table";
import { checkImageUrl } from "../media/check-image-url";

export const NEWCHIC_SCHEMA = {
  required: ["subcategory", "name", "current_price", "currency", "likes_count", "image_url", "id"],
  optional: [
    "category",
    "raw_price",
    "discount",
    "is_new",
    "brand",
    "brand_url",
    "codcountry",
    "variation_0_color",
    "variation_1_color",
    "variation_0_thumbnail",
    "variation_0_image",
    "variation_1_thumbnail",
    "variation_1_image",
    "url",
    "model",
  ],
} as const;

/** The most characters each stored column may hold (docs/data-formats.md, "Length limits"); others are ignored. */
export const NEWCHIC_TEXT_LIMITS = {
  id: 100,
  subcategory: 200,
  name: 1_000,
  currency: 100,
  image_url: 2_000,
  brand: 200,
  variation_0_color: 100,
  url: 2_000,
  model: 200,
} as const;

export type NewchicRow = {
  line: number;
  id: string;
  subcategory: string;
  name: string;
  price: number;
  rawPrice: number | null;
  discount: number | null;
  likes: number;
  isNew: boolean;
  brand: string | null;
  color: string | null;
  imageUrl: string;
  url: string | null;
  model: string | null;
};

export function parseNewchicRow(
  record: TableRecord,
  file: string,
): { ok: true; row: NewchicRow } | { ok: false; problems: Problem[] } {
  const r = new RowReader(file, record.line, record.values);
  const MAX = NEWCHIC_TEXT_LIMITS;
  const id = r.string("id", { required: true, max: MAX.id });
  if (id && !/^\d+$/.test(id)) r.report("id", `${quoteValue(id)} is not a numeric id`);
  const currency = r.string("currency", { required: true, max: MAX.currency });
  if (currency && currency !== "USD") r.report("currency", `${quoteValue(currency)}: only USD prices are expected`);
  const imageUrl = r.string("image_url", { required: true, max: MAX.image_url });
  const urlProblem = imageUrl ? checkImageUrl(imageUrl) : undefined;
  if (urlProblem) r.report("image_url", urlProblem);
  const row = {
    line: record.line,
    id,
    subcategory: r.string("subcategory", { required: true, max: MAX.subcategory }),
    name: r.string("name", { required: true, max: MAX.name }),
    price: r.number("current_price", { required: true, min: 0 }),
    rawPrice: r.number("raw_price", { min: 0 }) ?? null,
    discount: r.number("discount") ?? null,
    likes: r.integer("likes_count", { required: true, min: 0 }),
    isNew: r.boolean("is_new") ?? false,
    brand: r.string("brand", { max: MAX.brand }) ?? null,
    color: r.string("variation_0_color", { max: MAX.variation_0_color })?.toLowerCase() ?? null,
    imageUrl,
    url: r.string("url", { max: MAX.url }) ?? null,
    model: r.string("model", { max: MAX.model }) ?? null,
  };
  if (r.problems.length > 0 || row.price === undefined || row.likes === undefined)
    return { ok: false, problems: r.problems };
  return { ok: true, row: { ...row, price: row.price, likes: row.likes } };
}

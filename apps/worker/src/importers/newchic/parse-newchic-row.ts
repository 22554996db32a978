import type { Problem } from "../../import/problem";
import { RowReader } from "../../import/row-reader";
import type { TableRecord } from "../../io/read-table";

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
  const id = r.string("id", { required: true, max: 100 });
  if (id && !/^\d+$/.test(id)) r.report("id", `${JSON.stringify(id)} is not a numeric id`);
  const currency = r.string("currency", { required: true });
  if (currency && currency !== "USD") r.report("currency", `${JSON.stringify(currency)}: only USD prices are expected`);
  const imageUrl = r.string("image_url", { required: true, max: 2000 });
  if (imageUrl && !/^https?:\/\//.test(imageUrl))
    r.report("image_url", `${JSON.stringify(imageUrl)} is not an http(s) URL`);
  const row = {
    line: record.line,
    id,
    subcategory: r.string("subcategory", { required: true }),
    name: r.string("name", { required: true, max: 1000 }),
    price: r.number("current_price", { required: true, min: 0 }),
    rawPrice: r.number("raw_price", { min: 0 }) ?? null,
    discount: r.number("discount") ?? null,
    likes: r.integer("likes_count", { required: true, min: 0 }),
    isNew: r.boolean("is_new") ?? false,
    brand: r.string("brand", { max: 200 }) ?? null,
    color: r.string("variation_0_color", { max: 100 })?.toLowerCase() ?? null,
    imageUrl,
    url: r.string("url", { max: 2000 }) ?? null,
    model: r.string("model", { max: 200 }) ?? null,
  };
  if (r.problems.length > 0 || row.price === undefined || row.likes === undefined)
    return { ok: false, problems: r.problems };
  return { ok: true, row: { ...row, price: row.price, likes: row.likes } };
}

import { z } from "zod";
import type { Problem } from "../../problem";
import { quoteValue } from "../../quote-value";
import type { TableRecord } from "../../read/read-table";
import { readRow } from "../../read-row";
import { boolean, ignored, integer, number, text } from "../../row-columns";
import { checkImageUrl } from "../media/check-image-url";

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

const MAX = NEWCHIC_TEXT_LIMITS;

/** The Newchic catalog's columns: docs/data-formats.md's `import newchic` table is written from it. */
export const NewchicRowSchema = z.object({
  id: text({
    required: true,
    max: MAX.id,
    type: "digits",
    check: (id) => (/^\d+$/.test(id) ? undefined : `${quoteValue(id)} is not a numeric id`),
  }).describe("the product id: sku `newchic-<id>`; an id listed again merges into its first row"),
  currency: text({
    required: true,
    max: MAX.currency,
    type: "`USD`",
    check: (currency) => (currency === "USD" ? undefined : `${quoteValue(currency)}: only USD prices are expected`),
  }).describe("another currency rejects the row"),
  image_url: text({ required: true, max: MAX.image_url, check: checkImageUrl }).describe(
    "an http(s) URL, checked as the catalog's `image` URLs are",
  ),
  subcategory: text({ required: true, max: MAX.subcategory }).describe("French; gives the category and gender"),
  name: text({ required: true, max: MAX.name }).describe("French name: the description and `attributes.nameFr`"),
  current_price: number({ required: true, min: 0 }).describe("the price"),
  raw_price: number({ min: 0 }).describe("`attributes.rawPrice`"),
  discount: number().describe("`attributes.discountPercent`"),
  likes_count: integer({ required: true, min: 0 }).describe("`attributes.likesCount` (a popularity prior)"),
  is_new: boolean().describe("`attributes.isNew`, default `false`"),
  brand: text({ max: MAX.brand }).describe("prefixes the derived titles"),
  variation_0_color: text({ max: MAX.variation_0_color }).describe("the color, stored lower-case"),
  url: text({ max: MAX.url }).describe("`attributes.url`"),
  model: text({ max: MAX.model }).describe("`attributes.model`"),
  category: ignored().describe("not stored"),
  brand_url: ignored().describe("not stored"),
  codcountry: ignored().describe("not stored"),
  variation_1_color: ignored().describe("not stored"),
  variation_0_thumbnail: ignored().describe("not stored"),
  variation_0_image: ignored().describe("not stored"),
  variation_1_thumbnail: ignored().describe("not stored"),
  variation_1_image: ignored().describe("not stored"),
});

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
  const parsed = readRow(NewchicRowSchema, record, file);
  if (!parsed.ok) return parsed;
  const row = parsed.value;
  return {
    ok: true,
    row: {
      line: record.line,
      id: row.id,
      subcategory: row.subcategory,
      name: row.name,
      price: row.current_price,
      rawPrice: row.raw_price ?? null,
      discount: row.discount ?? null,
      likes: row.likes_count,
      isNew: row.is_new ?? false,
      brand: row.brand ?? null,
      color: row.variation_0_color?.toLowerCase() ?? null,
      imageUrl: row.image_url,
      url: row.url ?? null,
      model: row.model ?? null,
    },
  };
}

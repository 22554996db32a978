import { CATEGORIES, GENDERS, METALS } from "@jewelguide/model";
import { z } from "zod";
import { quoteValue } from "../../quote-value";
import { boolean, date, jsonObject, number, oneOf, text } from "../../row-columns";

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

const MAX = CATALOG_TEXT_LIMITS;

/** The documented catalog format: docs/data-formats.md's `import catalog` table is written from it. */
export const CatalogRowSchema = z.object({
  sku: text({ required: true, max: MAX.sku }).describe("the shop's product id, unique in the file"),
  category: oneOf(CATEGORIES, { required: true }).describe("case-insensitive"),
  price: number({ required: true, min: 0 }).describe("`.` as decimal separator, no thousands separator (`1234.50`)"),
  title_zh: text({ max: MAX.title_zh }).describe(
    "when empty, derived from metal, gem and category (`Rose gold diamond ring` / `玫瑰金钻石戒指`)",
  ),
  title_en: text({ max: MAX.title_en }).describe("as `title_zh`"),
  description: text({ max: MAX.description }).describe("free text"),
  metal: oneOf(METALS).describe("case-insensitive"),
  gem: text({ max: MAX.gem }).describe(
    "stored lower-case with `-` for spaces (`cubic-zirconia`); known gems get bilingual names",
  ),
  color: text({ max: MAX.color }).describe("stored lower-case"),
  gender: oneOf(GENDERS).describe("case-insensitive"),
  currency: text({
    max: MAX.currency,
    type: "3-letter currency code",
    check: (code) =>
      /^[A-Z]{3}$/.test(code.toUpperCase())
        ? undefined
        : `${quoteValue(code.toUpperCase())} is not a 3-letter currency code`,
  }).describe("default `USD`; stored upper-case"),
  brand: text({ max: MAX.brand }).describe("free text"),
  image: text({ max: MAX.image }).describe(
    "an `http(s)://` URL, or a path relative to the catalog file — see [Photos](#photos-the-image-column-and-the-photo-set)",
  ),
  in_stock: boolean().describe("default `true`"),
  created_at: date().describe("see [Dates](#dates)"),
  attributes: jsonObject().describe(
    "within the [attribute limits](#length-limits); merged key by key into the stored attributes",
  ),
});

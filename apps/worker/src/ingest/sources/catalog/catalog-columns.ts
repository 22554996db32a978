import { z } from "zod";
import { quoteValue } from "../../quote-value";
import { boolean, date, jsonObject, price, text } from "../../row-columns";

/** The most characters each free-text column may hold (docs/data-formats.md, "Length limits"). */
export const CATALOG_TEXT_LIMITS = {
  sku: 200,
  title_zh: 500,
  title_en: 500,
  description: 20_000,
  category: 100,
  metal: 100,
  gem: 100,
  color: 100,
  gender: 100,
  tags: 2_000,
  brand: 200,
  currency: 100,
  image: 2_000,
} as const;

const MAX = CATALOG_TEXT_LIMITS;
const LEXICON = "read by the [lexicon](#attribute-values)";

/** The documented catalog format: docs/data-formats.md's `import catalog` table is written from it. */
export const CatalogRowSchema = z.object({
  sku: text({ required: true, max: MAX.sku }).describe("the shop's product id, unique in the file"),
  category: text({ required: true, max: MAX.category }).describe(
    `${LEXICON}; a value it does not know is stored as \`other\` (kept in attributes, with a warning)`,
  ),
  price: price({ required: true, min: 0 }).describe(
    "`.` as decimal separator, `,` only between thousands (`1,234.50`); a currency mark before or after (`¥1,299.00`, `1299元`, `US$59`, `1,250.00 USD`) gives the currency when the row has none",
  ),
  title_zh: text({ max: MAX.title_zh }).describe(
    "when empty, derived from metal, gem and category (`Rose gold diamond ring` / `玫瑰金钻石戒指`)",
  ),
  title_en: text({ max: MAX.title_en }).describe("as `title_zh`"),
  description: text({ max: MAX.description }).describe("free text"),
  metal: text({ max: MAX.metal }).describe(
    `${LEXICON}; may also name the gem (\`white gold, diamonds\`); a value it does not know is kept in attributes, with a warning`,
  ),
  gem: text({ max: MAX.gem }).describe(`${LEXICON}, as \`metal\``),
  color: text({ max: MAX.color }).describe(
    `${LEXICON}, as \`metal\`; a metal gives its colour (\`rose gold\` → \`rose\`)`,
  ),
  gender: text({ max: MAX.gender }).describe(`${LEXICON}, as \`metal\``),
  tags: text({ max: MAX.tags }).describe(
    "free words; those the lexicon knows fill category, metal, gem, colour and gender when their columns are empty; kept whole as attributes.tags",
  ),
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

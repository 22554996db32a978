import type { TableRecord } from "../../read/read-table";
import type { ColumnMapping } from "./column-mapping";

/** Shopify's product CSV export, as `--preset shopify` reads it. */
export const SHOPIFY_COLUMNS: ColumnMapping = {
  "Variant SKU": "sku",
  Title: "title_en",
  "Body (HTML)": "description",
  Vendor: "brand",
  Type: "category",
  Tags: "tags",
  "Variant Price": "price",
  "Image Src": "image",
};

/** Product-level columns Shopify writes on a handle's first row only; its variant rows inherit them. */
const INHERITED = ["title_en", "description", "brand", "category", "tags", "image", "Product Category"] as const;
const OPTIONS = [1, 2, 3] as const;

/** Option names that say which catalog column the option's value fills (others stay attributes, by option name). */
const OPTION_COLUMNS: Record<string, string> = {
  metal: "metal",
  material: "metal",
  "metal type": "metal",
  材质: "metal",
  gem: "gem",
  gemstone: "gem",
  stone: "gem",
  宝石: "gem",
  color: "color",
  colour: "color",
  颜色: "color",
  gender: "gender",
  性别: "gender",
};

type Handle = { handle: string; inherited: Record<string, unknown>; optionNames: string[]; variants: number };

/**
 * Shopify writes one row per variant: the handle's first row carries the product (Title, Body, Vendor, Type, Tags,
 * option names), the following rows only the variant (option values, Variant SKU, Variant Price), and rows with no
 * variant price only add a photo. Rule: every variant becomes its own product (its own sku and price) with the
 * handle's product columns; its title is the product title followed by its option values (`Halo Ring – White Gold /
 * 6`; Shopify's `Default Title` adds nothing); options named Metal/Material, Stone/Gemstone, Color/Colour or Gender
 * fill those columns, other options (Size…) are kept as attributes under their names, and `Handle` is kept as
 * attributes.Handle so the variants stay grouped. A variant without a SKU gets `<handle>-<n>`. `Variant Image`
 * replaces the product photo; `Variant Inventory Qty` gives `in_stock` (more than 0). Photo-only rows are merged.
 */
export function prepareShopifyRows(): (record: TableRecord) => TableRecord | undefined {
  let current: Handle | undefined;
  return (record) => {
    const values = { ...record.values };
    const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string).trim() : "");
    const handle = text("Handle");
    if (!current || current.handle !== handle) {
      current = {
        handle,
        inherited: Object.fromEntries(INHERITED.map((name) => [name, values[name]])),
        optionNames: OPTIONS.map((n) => text(`Option${n} Name`)),
        variants: 0,
      };
    } else {
      for (const name of INHERITED) if (text(name) === "") values[name] = current.inherited[name];
    }
    if (text("price") === "" && text("sku") === "") return undefined;
    current.variants += 1;
    const shown: string[] = [];
    for (const n of OPTIONS) {
      const name = text(`Option${n} Name`) || current.optionNames[n - 1] || `Option${n}`;
      const value = text(`Option${n} Value`);
      delete values[`Option${n} Name`];
      delete values[`Option${n} Value`];
      if (value === "" || value === "Default Title") continue;
      shown.push(value);
      const column = OPTION_COLUMNS[name.toLowerCase()];
      if (column && text(column) === "") values[column] = value;
      else values[name] = value;
    }
    if (text("title_en") !== "" && shown.length > 0) values.title_en = `${text("title_en")} – ${shown.join(" / ")}`;
    if (text("sku") === "") values.sku = `${handle}-${current.variants}`;
    if (text("category") === "") values.category = values["Product Category"];
    delete values["Product Category"];
    if (text("Variant Image") !== "") values.image = text("Variant Image");
    delete values["Variant Image"];
    const quantity = text("Variant Inventory Qty");
    if (quantity !== "" && text("in_stock") === "") values.in_stock = Number(quantity) > 0 ? "true" : "false";
    delete values["Variant Inventory Qty"];
    if (text("description") !== "") values.description = htmlToText(text("description"));
    return { ...record, values };
  };
}

/** Body (HTML) as plain text: tags dropped (block ends become line breaks), the common entities decoded. */
function htmlToText(html: string): string {
  return html
    .replace(/<\s*(br|\/p|\/li|\/div|\/h\d)\s*\/?>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

import type { Problem } from "../../problem";
import { quoteValue } from "../../quote-value";
import type { CsvRecord } from "../../read/read-csv";
import { tooLongMessage } from "../../text-limits";
import { hashKey } from "../hash-key";
import { padShortRow, REES46_COLUMNS, type Rees46Column } from "./columns";

/** One validated purchase row. */
export type Rees46Row = {
  line: number;
  /** Content hash of the 13 (padded) fields: exact duplicate rows share it. */
  key: string;
  orderedAt: Date;
  orderId: string;
  productId: string;
  quantity: number;
  categoryId: string | null;
  categoryAlias: string | null;
  brandId: string | null;
  price: number;
  userId: string;
  gender: string | null;
  color: string | null;
  metal: string | null;
  gem: string | null;
};

export type ParsedRow = { ok: true; row: Rees46Row } | { ok: false; problems: Problem[] };

/** The most characters each column may hold (docs/data-formats.md, "Length limits"); checked before anything else. */
export const REES46_TEXT_LIMITS: Record<Rees46Column, number> = {
  order_datetime: 50,
  order_id: 40,
  product_id: 40,
  sku_quantity: 9,
  category_id: 40,
  category_alias: 100,
  brand_id: 40,
  price_usd: 40,
  user_id: 40,
  product_gender: 10,
  main_color: 100,
  main_metal: 100,
  main_gem: 100,
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?: ?UTC|Z)?$/;
const DIGITS = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

/** Validates one record (13 fields, or 11 padded) and reports every bad column. */
export function parseRees46Row(file: string, record: CsvRecord): ParsedRow {
  const problems: Problem[] = [];
  const report = (column: string, message: string) => problems.push({ file, line: record.line, column, message });
  if (record.problem) {
    report("", record.problem);
    return { ok: false, problems };
  }
  const fields = padShortRow(record.fields);
  if (fields.length !== REES46_COLUMNS.length) {
    report(
      "",
      `expected ${REES46_COLUMNS.length} fields (or 11 without category_id and category_alias), found ${record.fields.length}`,
    );
    return { ok: false, problems };
  }
  const get = (column: Rees46Column) => (fields[REES46_COLUMNS.indexOf(column)] ?? "").trim();
  for (const column of REES46_COLUMNS) {
    const length = get(column).length;
    if (length > REES46_TEXT_LIMITS[column]) report(column, tooLongMessage(length, REES46_TEXT_LIMITS[column]));
  }
  if (problems.length > 0) return { ok: false, problems };
  const optional = (column: Rees46Column) => get(column) || null;
  const id = (column: Rees46Column, required: boolean) => {
    const value = get(column);
    if (value === "") {
      if (required) report(column, "is required");
      return null;
    }
    if (!DIGITS.test(value)) report(column, `${quoteValue(value)} is not a numeric id`);
    return value;
  };
  const orderedAt = parseDate(get("order_datetime"));
  if (!orderedAt)
    report("order_datetime", `${quoteValue(get("order_datetime"))} is not a date like 2018-12-01 11:40:29 UTC`);
  const orderId = id("order_id", true);
  const productId = id("product_id", true);
  const userId = id("user_id", true);
  const categoryId = id("category_id", false);
  const brandId = id("brand_id", false);
  const quantityText = get("sku_quantity");
  const quantity = DIGITS.test(quantityText) ? Number(quantityText) : Number.NaN;
  if (!(quantity >= 1)) report("sku_quantity", `${quoteValue(quantityText)} is not a whole number ≥ 1`);
  const priceText = get("price_usd");
  if (!DECIMAL.test(priceText)) report("price_usd", `${quoteValue(priceText)} is not a number`);
  const gender = optional("product_gender");
  if (gender !== null && gender !== "f" && gender !== "m")
    report("product_gender", `${quoteValue(gender)} is not f, m or empty`);
  if (problems.length > 0 || !orderedAt || !orderId || !productId || !userId) return { ok: false, problems };
  return {
    ok: true,
    row: {
      line: record.line,
      key: hashKey(fields),
      orderedAt,
      orderId,
      productId,
      quantity,
      categoryId,
      categoryAlias: optional("category_alias"),
      brandId,
      price: Number(priceText),
      userId,
      gender,
      color: optional("main_color")?.toLowerCase() ?? null,
      metal: optional("main_metal")?.toLowerCase() ?? null,
      gem: optional("main_gem")?.toLowerCase() ?? null,
    },
  };
}

function parseDate(text: string): Date | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  if (
    y === undefined ||
    mo === undefined ||
    d === undefined ||
    h === undefined ||
    mi === undefined ||
    s === undefined
  ) {
    return undefined;
  }
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Reject rolled-over values such as 2019-02-30 or 25:00.
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || date.getUTCHours() !== h || mi > 59 || s > 59) {
    return undefined;
  }
  return date;
}

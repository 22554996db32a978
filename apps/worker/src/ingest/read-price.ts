/** A price as catalogs write it: the amount, and the currency its mark names when it has one. */
export type Price = { amount: number; currency?: string };

/**
 * Currency marks, longest first so `HK$` and `US$` win over `$`. `元`, `¥`, `￥` and `RMB` are read as yuan (the
 * shops this importer serves quote yen as `JPY`).
 */
const CURRENCY_MARKS: readonly (readonly [string, string])[] = [
  ["HK$", "HKD"],
  ["US$", "USD"],
  ["RMB", "CNY"],
  ["CNY", "CNY"],
  ["USD", "USD"],
  ["EUR", "EUR"],
  ["GBP", "GBP"],
  ["HKD", "HKD"],
  ["JPY", "JPY"],
  ["元", "CNY"],
  ["¥", "CNY"],
  ["￥", "CNY"],
  ["$", "USD"],
  ["€", "EUR"],
  ["£", "GBP"],
];

/** The currency a text names by its mark (`价格(元)` → CNY, `Price (USD)` → USD), or undefined. */
export function readCurrencyMark(text: string): string | undefined {
  const upper = text.toUpperCase();
  return CURRENCY_MARKS.find(([mark]) => upper.includes(mark))?.[1];
}

/**
 * Reads `1299`, `1,299.00`, `¥1,299.00`, `1299元`, `US$ 59.50`, `1,250.00 USD`: one currency mark before or after
 * the amount, `,` only as a thousands separator (groups of three), `.` as the decimal separator; a leading `-` is read
 * (so the column can say "below the minimum"). Undefined for
 * anything else, so `12,5` (a decimal comma) is refused rather than read as 125.
 */
export function readPrice(text: string): Price | undefined {
  let rest = text.trim();
  let currency: string | undefined;
  for (const [mark, code] of CURRENCY_MARKS) {
    const upper = rest.toUpperCase();
    if (upper.startsWith(mark)) rest = rest.slice(mark.length).trim();
    else if (upper.endsWith(mark)) rest = rest.slice(0, rest.length - mark.length).trim();
    else continue;
    currency = code;
    break;
  }
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(rest)) return undefined;
  const amount = Number(rest.replace(/,/g, ""));
  return currency === undefined ? { amount } : { amount, currency };
}

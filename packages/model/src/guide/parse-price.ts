import { parseChineseNumber } from "./parse-chinese-number";

export type Currency = "CNY" | "USD" | "EUR" | "GBP" | "HKD" | "JPY";

export type PriceSpan = { start: number; end: number };

export type ParsedPrice = {
  priceMin: number | null;
  priceMax: number | null;
  /** The stated currency, else `defaultCurrency`; null when no price was found. */
  currency: Currency | null;
  /** Where the price phrases sit in the text ("预算3000", "under $300"), to mask them from other matchers. */
  spans: PriceSpan[];
};

/** How far "around X" reaches: 3000左右 / about 3000 / a bare "3000元" mean 2400–3600. */
export const AROUND_TOLERANCE = 0.2;

type NumberToken = {
  start: number;
  end: number;
  value: number;
  multiplier: number;
  karat: boolean;
  /** Set for colloquial ranges in one word: 三四千 = 3000–4000 (value is the upper end). */
  low?: number;
};

const DIGIT_CHARS = "一二三四五六七八九";
const UNIT_VALUES: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000 };

/** "三四千" → 3000–4000, "五六百" → 500–600: two neighbouring digits before one unit. */
function readNeighbourRange(text: string): { low: number; high: number } | null {
  const [first, second, unit, ...more] = [...text];
  if (first === undefined || second === undefined || unit === undefined || more.length > 0) return null;
  const a = DIGIT_CHARS.indexOf(first === "两" ? "二" : first) + 1;
  const b = DIGIT_CHARS.indexOf(second) + 1;
  const scale = UNIT_VALUES[unit];
  if (a === 0 || b !== a + 1 || scale === undefined) return null;
  return { low: a * scale, high: b * scale };
}

const CURRENCY_WORDS: Array<[RegExp, Currency]> = [
  [/^(?:¥|￥|元|块钱|块|rmb|cny|yuan|人民币|软妹币)$/, "CNY"],
  [/^(?:us\$|\$|usd|dollars?|bucks?|美元|美金|刀)$/, "USD"],
  [/^(?:€|eur|euros?|欧元|欧)$/, "EUR"],
  [/^(?:£|gbp|pounds?|quid|英镑)$/, "GBP"],
  [/^(?:hk\$|hkd|港币|港元)$/, "HKD"],
  [/^(?:jpy|日元|円)$/, "JPY"],
];
const CURRENCY = String.raw`(?:us\$|hk\$|¥|\$|€|£|块钱|块|元|rmb|cny|yuan|人民币|软妹币|usd|dollars?|bucks?|美元|美金|刀|eur|euros?|欧元|gbp|pounds?|quid|英镑|hkd|港币|港元|jpy|日元|円)`;
const CURRENCY_BEFORE = /(?:us\$|hk\$|¥|\$|€|£|rmb|cny|usd|eur|gbp|hkd)\s?$/;
const CURRENCY_AFTER = new RegExp(String.raw`^\s?${CURRENCY}(?![a-z])`);

const AROUND_BEFORE =
  /(?:大概|大约|大致|差不多|约|around|about|approximately|approx\.?|roughly|circa|like|~|≈)\s?(?:在|是)?\s?$/;
const MAX_BEFORE =
  /(?:预算(?:是|在|为|有|只有)?|不超过|不要超过|别超过|不超|不高于|低于|少于|不到|最多|最高|控制在|(?<![a-z])budget(?: of| is| around)?|(?<![a-z])under|(?<![a-z])sub|(?<![a-z])below|less than|cheaper than|no more than|not more than|at most|(?<![a-z])max(?:imum)?|up to|(?<![a-z])within|<|≤)\s?$/;
const MIN_BEFORE =
  /(?:至少|起码|最少|最低|不低于|超过|高于|大于|多于|at least|(?<![a-z])over|(?<![a-z])above|more than|starting at|(?<![a-z])from|min(?:imum)?|>|≥)\s?$/;
const AROUND_AFTER = /^\s?(?:左右|上下|前后|附近|ish(?![a-z]))/;
const MAX_AFTER =
  /^\s?(?:以内|以下|之内|内|封顶|(?:or|and) (?:less|under|below)(?![a-z])|max(?:imum)?(?![a-z])|tops(?![a-z])|或以下)/;
const MIN_AFTER =
  /^\s?(?:以上|起|往上|或以上|\+|(?:or|and) (?:more|up|above|over)(?![a-z])|plus(?![a-z])|minimum(?![a-z]))/;
const RANGE_JOIN = /^\s?(?:到|至|-|~|～|—|to|and|或)\s?$/;
const RANGE_BEFORE = /(?:between|from|在)\s?$/;
const RANGE_AFTER = /^\s?(?:之间|中间|范围)/;
/** A number followed by one of these is a weight, a size, an age, a count or a date: never a price. */
const NOT_PRICE_AFTER =
  /^\s?(?:克拉|克|g(?![a-z])|grams?|ct(?![a-z])|carats?|分(?!之)|岁|周岁|周年|年|号|mm|cm|厘米|毫米|寸|%|折|个|条|只|件|对|枚|颗|天|月|日|次|位|th(?![a-z])|st(?![a-z])|nd(?![a-z])|rd(?![a-z])|years?|months?|days?|pieces?|pcs)/;
/** Numbers that name a metal purity or a date-like greeting (925 silver, PT950, 520, 1314) when they stand alone. */
const MARK_NUMBERS = new Set([375, 585, 750, 916, 925, 950, 990, 999, 9999, 520, 521, 1314]);
const KARATS = new Set([9, 10, 14, 18, 22, 24]);
const MULTIPLIERS: Record<string, number> = { k: 1000, w: 10_000, 千: 1000, 万: 10_000, 百: 100 };

const NUMBER_PATTERN =
  /(?<![a-z\d.])(\d+(?:\.\d+)?)(?:\s?(k|w|千|万|百)(?![a-z])(\d(?![\d.]))?)?|([零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]*)/g;

function findNumberTokens(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const match of text.matchAll(NUMBER_PATTERN)) {
    const start = match.index;
    let end = start + match[0].length;
    const [, arabic, unit, trailing, chinese] = match;
    if (arabic !== undefined) {
      const after = text.slice(end);
      if (/^[a-z]/.test(after) && !CURRENCY_AFTER.test(after)) continue;
      const multiplier = unit === undefined ? 1 : (MULTIPLIERS[unit] ?? 1);
      const base = Number(arabic);
      const value = base * multiplier + (trailing === undefined ? 0 : (Number(trailing) * multiplier) / 10);
      const karat = unit === "k" && trailing === undefined && KARATS.has(base);
      tokens.push({ start, end, value, multiplier, karat });
    } else if (chinese !== undefined) {
      const neighbours = readNeighbourRange(chinese);
      if (neighbours) {
        const multiplier = UNIT_VALUES[chinese.slice(-1)] ?? 1;
        tokens.push({ start, end, value: neighbours.high, multiplier, karat: false, low: neighbours.low });
        continue;
      }
      // Keep the longest prefix that reads as a number ("三千五左右" is fine; "十八岁" stops at 八).
      let text = chinese;
      let value = parseChineseNumber(text);
      while (value === null && text.length > 1) {
        text = text.slice(0, -1);
        value = parseChineseNumber(text);
      }
      if (value === null) continue;
      end = start + text.length;
      const multiplier = /万/.test(text) ? 10_000 : /千/.test(text) ? 1000 : /百/.test(text) ? 100 : 1;
      tokens.push({ start, end, value, multiplier, karat: false });
    }
  }
  return tokens;
}

function readCurrency(word: string | undefined): Currency | null {
  if (word === undefined) return null;
  const trimmed = word.trim();
  for (const [pattern, currency] of CURRENCY_WORDS) if (pattern.test(trimmed)) return currency;
  return null;
}

type Side = { start: number; end: number; currency: Currency | null };

/** Extends a number token over an adjacent currency mark on either side. */
function withCurrency(text: string, token: NumberToken): Side {
  let start = token.start;
  let end = token.end;
  let currency: Currency | null = null;
  const before = CURRENCY_BEFORE.exec(text.slice(0, start));
  if (before) {
    currency = readCurrency(before[0]);
    start -= before[0].length;
  }
  const after = CURRENCY_AFTER.exec(text.slice(end));
  if (after) {
    currency = readCurrency(after[0]) ?? currency;
    end += after[0].length;
  }
  return { start, end, currency };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

type Constraint = { min: number | null; max: number | null; currency: Currency | null; span: PriceSpan };

function readRange(text: string, a: NumberToken, b: NumberToken): Constraint | null {
  if (a.karat || b.karat) return null;
  const left = withCurrency(text, a);
  const right = withCurrency(text, b);
  if (left.end > right.start) return null;
  const join = text.slice(left.end, right.start);
  if (!RANGE_JOIN.test(join)) return null;
  const head = text.slice(0, left.start);
  const rangeBefore = RANGE_BEFORE.exec(head);
  if (/and/.test(join) && !(rangeBefore && /between/.test(rangeBefore[0]))) return null;
  if (NOT_PRICE_AFTER.test(text.slice(right.end))) return null;
  // "2到3千", "1-2万": the second number's unit carries over to the first.
  let low = a.value;
  if (a.multiplier === 1 && b.multiplier > 1 && low * b.multiplier <= b.value) low *= b.multiplier;
  if (low > b.value) return null;
  let start = left.start;
  const prefix = rangeBefore ?? MAX_BEFORE.exec(head) ?? AROUND_BEFORE.exec(head);
  if (prefix) start -= prefix[0].length;
  let end = right.end;
  const suffix = RANGE_AFTER.exec(text.slice(end));
  if (suffix) end += suffix[0].length;
  return { min: low, max: b.value, currency: right.currency ?? left.currency, span: { start, end } };
}

function readSingle(text: string, token: NumberToken): Constraint | null {
  const side = withCurrency(text, token);
  if (token.karat && side.currency === null) return null;
  const head = text.slice(0, side.start);
  const tail = text.slice(side.end);
  if (NOT_PRICE_AFTER.test(tail)) return null;
  const value = token.value;
  const around = () => ({ min: round(value * (1 - AROUND_TOLERANCE)), max: round(value * (1 + AROUND_TOLERANCE)) });
  const found = (bounds: { min: number | null; max: number | null }, before: string, after: string): Constraint => ({
    ...bounds,
    currency: side.currency,
    span: { start: side.start - before.length, end: side.end + after.length },
  });
  if (token.low !== undefined) {
    const before = MAX_BEFORE.exec(head) ?? AROUND_BEFORE.exec(head);
    const after = AROUND_AFTER.exec(tail) ?? MAX_AFTER.exec(tail);
    return found({ min: token.low, max: value }, before?.[0] ?? "", after?.[0] ?? "");
  }
  const aroundAfter = AROUND_AFTER.exec(tail);
  const aroundBefore = AROUND_BEFORE.exec(head);
  if (aroundAfter || aroundBefore) {
    const budget = aroundBefore ? null : MAX_BEFORE.exec(head);
    return found(around(), aroundBefore?.[0] ?? budget?.[0] ?? "", aroundAfter?.[0] ?? "");
  }
  const maxAfter = MAX_AFTER.exec(tail);
  const maxBefore = MAX_BEFORE.exec(head);
  if (maxAfter || maxBefore) return found({ min: null, max: value }, maxBefore?.[0] ?? "", maxAfter?.[0] ?? "");
  const minAfter = MIN_AFTER.exec(tail);
  const minBefore = MIN_BEFORE.exec(head);
  if (minAfter || minBefore) return found({ min: value, max: null }, minBefore?.[0] ?? "", minAfter?.[0] ?? "");
  // A bare amount: with a currency mark from 10 up, without one from 50 up unless it reads as a purity or a date.
  if (side.currency !== null ? value >= 10 : value >= 50 && !MARK_NUMBERS.has(value) && !token.karat) {
    return found(around(), "", "");
  }
  return null;
}

/**
 * Finds the price wish in normalised request text: ranges ("两千到三千", "2000-3000", "1k-2k", "between 100 and 200",
 * "$100-$200"), ceilings ("预算3000", "3000以内", "不超过五千", "under $300", "max 200", "up to 400"), floors ("1000以上",
 * "1000+", "at least $200"), and approximate amounts ("3000左右", "大概两千", "around $500", or a bare "500块"), which
 * become a range of ±20% (AROUND_TOLERANCE). Chinese numerals (两千五, 一万二, 3千5) and k/w/千/万 multipliers are read.
 * Weights, sizes, ages, counts (30克, 1克拉, 18岁, 40th), karats (18k) and purity marks (925, PT950) are not prices.
 * When several phrases bound the price, the first of each bound wins.
 */
export function parsePrice(text: string, defaultCurrency: Currency): ParsedPrice {
  const tokens = findNumberTokens(text);
  const constraints: Constraint[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) continue;
    const next = tokens[i + 1];
    const range = next ? readRange(text, token, next) : null;
    if (range) {
      constraints.push(range);
      i++;
      continue;
    }
    const single = readSingle(text, token);
    if (single) constraints.push(single);
  }
  let priceMin: number | null = null;
  let priceMax: number | null = null;
  let currency: Currency | null = null;
  for (const constraint of constraints) {
    if (priceMin === null && constraint.min !== null && (priceMax === null || constraint.min <= priceMax)) {
      priceMin = constraint.min;
    }
    if (priceMax === null && constraint.max !== null && (priceMin === null || constraint.max >= priceMin)) {
      priceMax = constraint.max;
    }
    currency ??= constraint.currency;
  }
  if (priceMin === null && priceMax === null) return { priceMin, priceMax, currency: null, spans: [] };
  return { priceMin, priceMax, currency: currency ?? defaultCurrency, spans: constraints.map((c) => c.span) };
}

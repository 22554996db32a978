const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Value of a number written in Chinese numerals, or null when the text is not one. Handles 两 and 零, the units
 * 十/百/千/万/亿, a leading 十 (十八 = 18) and the colloquial trailing digit that means the next lower unit
 * (三千五 = 3500, 一万二 = 12000, 一百五 = 150).
 */
export function parseChineseNumber(text: string): number | null {
  if (text.length === 0) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = 0;
  for (const char of text) {
    const value = DIGITS[char];
    if (value !== undefined) {
      if (digit !== null && lastUnit === 0) {
        // Digits read one by one (一九九九): positional.
        digit = digit * 10 + value;
      } else {
        digit = value;
      }
      if (value === 0) lastUnit = 0;
      continue;
    }
    const unit = SMALL_UNITS[char];
    if (unit !== undefined) {
      section += (digit ?? (unit === 10 ? 1 : 0)) * unit;
      if (digit === null && unit !== 10 && section === 0) return null;
      digit = null;
      lastUnit = unit;
      continue;
    }
    if (char === "万" || char === "亿") {
      const big = char === "万" ? 10_000 : 100_000_000;
      const sectionValue = section + (digit ?? 0);
      if (sectionValue === 0 && total === 0) return null;
      total = (total + sectionValue) * big;
      section = 0;
      digit = null;
      lastUnit = big;
      continue;
    }
    return null;
  }
  if (digit !== null) section += lastUnit >= 10 ? (digit * lastUnit) / 10 : digit;
  return total + section;
}

import { toSimplified } from "./traditional-to-simplified";

/**
 * Canonical form of shopping text for matching and encoding: NFKC (full-width letters, digits and punctuation become
 * half-width, ￥ becomes ¥), lower case, common traditional characters simplified, curly quotes straightened, possessive
 * "'s" dropped ("mother's day" → "mother day"), a karat mark glued to a word split off ("18kgold" → "18k gold"), hyphens
 * between letters turned into spaces ("rose-gold" → "rose gold") and runs of whitespace collapsed to one space.
 */
export function normalizeText(text: string): string {
  return toSimplified(text.normalize("NFKC").toLowerCase())
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/([a-z])'s\b/g, "$1")
    .replace(/([a-z])s'(?![a-z])/g, "$1s")
    .replace(/\b(\d{1,2}k)(?=[a-z]{3,})/g, "$1 ")
    .replace(/([a-z])-(?=[a-z])/g, "$1 ")
    .replace(/\s+/g, " ")
    .trim();
}

/** True for a CJK ideograph (the Chinese characters the parser and the encoder treat one by one). */
export function isCjk(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** True when the text holds at least one CJK ideograph: such requests default to CNY. */
export function hasCjk(text: string): boolean {
  return /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(text);
}

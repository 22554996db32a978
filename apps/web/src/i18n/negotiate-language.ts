import { LANGUAGES, type Language } from "./languages";

type Preference = { language: Language; quality: number; order: number };

/** A q-value as RFC 9110 writes it (0 to 1, at most three decimals); anything else makes the entry unreadable. */
const QUALITY = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

function readEntry(entry: string, order: number): Preference | undefined {
  const [range = "", ...parameters] = entry.split(";").map((part) => part.trim());
  const primary = range.toLowerCase().split("-")[0];
  const language = LANGUAGES.find((candidate) => candidate === primary);
  if (!language) return undefined;
  let quality = 1;
  for (const parameter of parameters) {
    const [name = "", value = ""] = parameter.split("=").map((part) => part.trim());
    if (name.toLowerCase() !== "q") continue;
    if (!QUALITY.test(value)) return undefined;
    quality = Number(value);
  }
  return { language, quality, order };
}

/**
 * The shop language a browser's `Accept-Language` asks for first: any zh-* range means Chinese, any en-* English,
 * ranked by q-value (ties in the header's order); q=0 ("not this") and unreadable entries count for nothing.
 * Undefined when the header names neither language (or is absent, `*` or garbage): the shop's default applies.
 */
export function negotiateLanguage(header: string | null | undefined): Language | undefined {
  if (!header) return undefined;
  const preferences = header
    .split(",")
    .map(readEntry)
    .filter((preference): preference is Preference => preference !== undefined && preference.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  return preferences[0]?.language;
}

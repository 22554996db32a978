import type { Metal } from "../domain/vocabulary";

/** One hallmark rule: a word that states a metal's fineness, and the metal it implies when no metal word is given. */
export type PurityMarkRule = { metal: Metal; pattern: RegExp; rule: string; examples: readonly string[] };

/**
 * Purity marks as catalogs write them, after normalizeText (lower case, half-width). A mark names the metal only when
 * the value carries no metal word of its own ("18k white gold" is white gold; "18k" alone is gold). Karat marks are
 * limited to the finenesses sold (8–24), so a stone weight such as "1ct" never reads as gold.
 */
export const PURITY_MARK_RULES: readonly PurityMarkRule[] = [
  {
    metal: "gold",
    pattern: /^(8|9|10|12|14|15|18|20|21|22|24)(k|kt|ct|karat|carat)$/,
    rule: "karats 8–24 with `k`, `kt`, `ct`, `karat`",
    examples: ["18k", "14kt", "9ct", "22karat"],
  },
  {
    metal: "gold",
    pattern: /^(au)?(375|417|585|750|916|990|999|9999)$/,
    rule: "millesimal fineness of gold, optionally after `au`",
    examples: ["750", "au585", "916", "au9999"],
  },
  {
    metal: "platinum",
    pattern: /^(pt|pm)?(850|900|950)$|^(pt|pm)999$/,
    rule: "platinum fineness, optionally after `pt`/`pm` (`999` only with `pt`)",
    examples: ["950", "pt900", "pt999"],
  },
  {
    metal: "silver",
    pattern: /^s?925$|^s(990|999)$/,
    rule: "sterling `925`, optionally after `s`; `990`/`999` only with `s`",
    examples: ["925", "s925", "s999"],
  },
];

/** The metal a purity mark implies ("18k" → gold, "pt950" → platinum, "s925" → silver), or undefined. */
export function metalOfPurityMark(word: string): Metal | undefined {
  return PURITY_MARK_RULES.find((rule) => rule.pattern.test(word))?.metal;
}

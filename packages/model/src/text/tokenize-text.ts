import { matchLexicon } from "./match-lexicon";
import { isCjk, normalizeText } from "./normalize-text";
import { segmentChinese } from "./segment-chinese";

/**
 * Token kinds, as prefixes: `c:` lexicon concept (`c:metal:gold`), `w:` word (jieba word for Chinese, whole word for
 * English and numbers), `u:` Chinese character, `b:` Chinese character bigram, `t:` English character trigram with
 * `#` marking the word's ends (`#ri`, `rin`, `ing`, `ng#`).
 */
export const TOKEN_KINDS = ["c", "w", "u", "b", "t"] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

export type TokenizeOptions = {
  /** Correct typos of English words when finding concepts (default true). */
  fuzzy?: boolean;
};

/**
 * The tokens the text encoder hashes, in order, repeats kept: normalise (NFKC, half-width, lower case, traditional →
 * simplified), then lexicon concepts, jieba words and character uni/bigrams of each Chinese run, and English words
 * with their boundary-marked character trigrams. Deterministic.
 */
export function tokenizeText(text: string, options: TokenizeOptions = {}): string[] {
  const normalized = normalizeText(text);
  const tokens: string[] = [];
  for (const match of matchLexicon(normalized, { fuzzy: options.fuzzy ?? true })) {
    for (const id of match.conceptIds) tokens.push(`c:${id}`);
  }
  for (const run of normalized.match(/[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+(?:'[a-z]+)?/g) ?? []) {
    if (isCjk(run[0] ?? "")) {
      for (const word of segmentChinese(run)) tokens.push(`w:${word}`);
      const chars = [...run];
      for (let i = 0; i < chars.length; i++) {
        tokens.push(`u:${chars[i]}`);
        if (i + 1 < chars.length) tokens.push(`b:${chars[i]}${chars[i + 1]}`);
      }
    } else {
      tokens.push(`w:${run}`);
      if (/^\d+$/.test(run)) continue;
      const marked = `#${run}#`;
      for (let i = 0; i + 3 <= marked.length; i++) tokens.push(`t:${marked.slice(i, i + 3)}`);
    }
  }
  return tokens;
}

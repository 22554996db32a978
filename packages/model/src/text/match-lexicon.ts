import { allowedTypos, measureEditDistance } from "./edit-distance";
import { type LexiconEntry, listLexiconEntries } from "./lexicon";

/** One recognised span of normalised text. `start`/`end` are UTF-16 offsets into that text. */
export type LexiconMatch = {
  start: number;
  end: number;
  /** The lexicon term that matched (for a typo, the term it was corrected to). */
  term: string;
  conceptIds: readonly string[];
  /** True when the span matched a term only within the allowed edit distance. */
  fuzzy: boolean;
};

export type MatchLexiconOptions = {
  /** Correct typos in English words of 5+ letters (default true). */
  fuzzy?: boolean;
  /** Spans already claimed by someone else (prices): never matched inside. */
  masked?: ReadonlyArray<{ start: number; end: number }>;
};

type LexiconIndex = {
  byFirstChar: Map<string, LexiconEntry[]>;
  /** Single English words of 5+ letters, the targets of typo correction, by length. */
  fuzzyTargets: Map<number, LexiconEntry[]>;
  exactTerms: Set<string>;
};

/** Ordinary English words that sit within a typo of a lexicon term and must never be "corrected" to it. */
const NEVER_CORRECTED = new Set([
  "hands",
  "bonds",
  "brand",
  "brands",
  "sings",
  "things",
  "kings",
  "wings",
  "pearly",
  "golden",
  "silly",
  "sister",
  "sisters",
  "mother",
  "father",
  "other",
  "others",
  "water",
  "watched",
  "where",
  "there",
  "these",
  "those",
  "which",
  "would",
  "could",
  "should",
  "about",
  "under",
  "above",
  "below",
  "budget",
  "around",
  "maximum",
  "minimum",
  "present",
  "please",
  "thanks",
  "pieces",
  "choice",
  "colour",
  "color",
  "style",
  "styles",
  "stone",
  "stones",
  "store",
  "stores",
  "dollar",
  "dollars",
  "euros",
  "pounds",
  "between",
  "expensive",
  "cheaper",
  "cheap",
  "price",
  "prices",
  "quality",
  "looking",
  "something",
  "weeding",
  "bring",
  "brings",
  "string",
  "strings",
  "spring",
  "during",
  "being",
  "going",
  "doing",
  "having",
  "making",
  "asking",
  "wearing",
  "wears",
  "great",
  "carat",
  "carats",
  "karat",
]);

let index: LexiconIndex | undefined;

function buildIndex(): LexiconIndex {
  const byFirstChar = new Map<string, LexiconEntry[]>();
  const fuzzyTargets = new Map<number, LexiconEntry[]>();
  const exactTerms = new Set<string>();
  for (const entry of listLexiconEntries()) {
    exactTerms.add(entry.term);
    const first = entry.term[0];
    if (first === undefined) continue;
    const list = byFirstChar.get(first) ?? [];
    list.push(entry);
    byFirstChar.set(first, list);
    if (/^[a-z]{5,}$/.test(entry.term)) {
      const sameLength = fuzzyTargets.get(entry.term.length) ?? [];
      sameLength.push(entry);
      fuzzyTargets.set(entry.term.length, sameLength);
    }
  }
  for (const list of byFirstChar.values()) list.sort((a, b) => b.term.length - a.term.length);
  return { byFirstChar, fuzzyTargets, exactTerms };
}

function getIndex(): LexiconIndex {
  index ??= buildIndex();
  return index;
}

const WORD_CHAR = /[a-z0-9]/;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

function overlapsMask(start: number, end: number, masked: MatchLexiconOptions["masked"]): boolean {
  return (masked ?? []).some((span) => start < span.end && span.start < end);
}

/**
 * Finds lexicon terms in normalised text (see normalizeText), scanning left to right and taking the longest term at
 * each position. English terms must sit on word boundaries; Chinese terms match anywhere. With `fuzzy`, an unmatched
 * English word of 5+ letters matches the nearest single-word term within 1 edit (5–7 letters) or 2 edits (8+).
 */
export function matchLexicon(text: string, options: MatchLexiconOptions = {}): LexiconMatch[] {
  const { byFirstChar, fuzzyTargets, exactTerms } = getIndex();
  const fuzzy = options.fuzzy ?? true;
  const matches: LexiconMatch[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? "";
    const atWordStart = !isWordChar(char) || !isWordChar(text[i - 1]);
    let matched: LexiconEntry | undefined;
    if (atWordStart) {
      for (const entry of byFirstChar.get(char) ?? []) {
        const end = i + entry.term.length;
        if (!text.startsWith(entry.term, i)) continue;
        const last = entry.term[entry.term.length - 1];
        if (isWordChar(last) && isWordChar(text[end])) continue;
        if (overlapsMask(i, end, options.masked)) continue;
        matched = entry;
        break;
      }
    }
    if (matched) {
      const end = i + matched.term.length;
      matches.push({ start: i, end, term: matched.term, conceptIds: matched.conceptIds, fuzzy: false });
      i = end;
      continue;
    }
    if (isWordChar(char) && atWordStart) {
      let end = i;
      while (isWordChar(text[end])) end++;
      const word = text.slice(i, end);
      if (fuzzy && /^[a-z]+$/.test(word) && !exactTerms.has(word) && !NEVER_CORRECTED.has(word)) {
        const corrected = correctTypo(word, fuzzyTargets);
        if (corrected && !overlapsMask(i, end, options.masked)) {
          matches.push({ start: i, end, term: corrected.term, conceptIds: corrected.conceptIds, fuzzy: true });
        }
      }
      i = end;
      continue;
    }
    i++;
  }
  return matches;
}

function correctTypo(word: string, targets: Map<number, LexiconEntry[]>): LexiconEntry | undefined {
  const limit = allowedTypos(word.length);
  if (limit === 0) return undefined;
  // Ranked by distance, then by keeping the first letter ("erings" → "earings" rather than "rings").
  let best: LexiconEntry | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let length = word.length - limit; length <= word.length + limit; length++) {
    for (const entry of targets.get(length) ?? []) {
      const distance = measureEditDistance(word, entry.term, limit);
      if (distance > limit) continue;
      const score = distance * 2 + (entry.term[0] === word[0] ? 0 : 1);
      if (score < bestScore) {
        best = entry;
        bestScore = score;
      }
    }
  }
  return best;
}

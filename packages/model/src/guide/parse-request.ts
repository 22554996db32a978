import { type Category, type Gender, isCategory, isGender, isMetal, type Metal } from "../domain/vocabulary";
import { findConcept } from "../text/lexicon";
import { type LexiconMatch, matchLexicon } from "../text/match-lexicon";
import { hasCjk, isCjk, normalizeText } from "../text/normalize-text";
import { CHINESE_FILLERS, ENGLISH_FILLERS } from "./filler-words";
import { type Currency, type PriceSpan, parsePrice } from "./parse-price";
import { createEmptyParsedRequest, type ParsedRequest } from "./parsed-request";

export type ParseRequestOptions = {
  /** Currency of amounts stated without one; default CNY when the request holds Chinese characters, else USD. */
  defaultCurrency?: Currency;
};

/** A recognised span of the normalised request, for diagnostics. */
export type RequestSpan = { text: string; start: number; end: number; conceptIds: readonly string[] };

export type ParsedRequestWithSpans = ParsedRequest & {
  /** The normalised text the spans point into. */
  normalized: string;
  spans: RequestSpan[];
};

const MAX_INPUT_LENGTH = 2000;

/**
 * Reads a free-text shopping request (Chinese, English or both, typos welcome) into the shared vocabulary: category,
 * metal, gem, colour, gender, recipient, occasion, style, a price range with its currency, and the leftover words.
 * Pure and total: any input, even garbage or a non-string, gives a result and never throws.
 *
 * Prices follow parsePrice: "3000左右", "around $500" and bare amounts ("500块") become ±20% ranges.
 * Gender is the stated one, else the recipient's (妈妈 → female, 老公 → male). Metal: "18k白金" is white gold while
 * "白金" alone is platinum (Chinese retail); a karat mark next to 玫瑰金/白金 makes rose/white gold.
 */
export function parseRequest(text: string, options: ParseRequestOptions = {}): ParsedRequestWithSpans {
  try {
    return parseUnsafe(typeof text === "string" ? text : "", options);
  } catch {
    return { ...createEmptyParsedRequest(), normalized: "", spans: [] };
  }
}

function parseUnsafe(raw: string, options: ParseRequestOptions): ParsedRequestWithSpans {
  const normalized = normalizeText(raw.slice(0, MAX_INPUT_LENGTH));
  const result: ParsedRequestWithSpans = { ...createEmptyParsedRequest(), normalized, spans: [] };
  if (normalized.length === 0) return result;
  const price = parsePrice(normalized, options.defaultCurrency ?? (hasCjk(normalized) ? "CNY" : "USD"));
  result.priceMin = price.priceMin;
  result.priceMax = price.priceMax;
  result.currency = price.currency;
  const matches = matchLexicon(normalized, { masked: price.spans });
  applyConcepts(result, matches);
  result.rest = collectRest(normalized, [...price.spans, ...matches]);
  result.spans = [
    ...price.spans.map((span) => ({ ...span, text: normalized.slice(span.start, span.end), conceptIds: ["price"] })),
    ...matches.map((m) => ({
      text: normalized.slice(m.start, m.end),
      start: m.start,
      end: m.end,
      conceptIds: m.conceptIds,
    })),
  ].sort((a, b) => a.start - b.start);
  return result;
}

function applyConcepts(result: ParsedRequest, matches: LexiconMatch[]): void {
  const firstOf = new Map<string, string>();
  const metals: Array<{ metal: Metal; term: string }> = [];
  let recipientGender: Gender | undefined;
  for (const match of matches) {
    for (const id of match.conceptIds) {
      const concept = findConcept(id);
      if (!concept) continue;
      if (!firstOf.has(concept.kind)) firstOf.set(concept.kind, concept.value);
      if (concept.kind === "metal" && isMetal(concept.value)) metals.push({ metal: concept.value, term: match.term });
      if (concept.kind === "recipient" && recipientGender === undefined && concept.gender) {
        recipientGender = concept.gender;
      }
    }
  }
  const category = firstOf.get("category");
  result.category = category !== undefined && isCategory(category) ? (category as Category) : null;
  result.metal = resolveMetal(metals);
  result.gem = firstOf.get("gem") ?? null;
  result.color = firstOf.get("color") ?? null;
  result.recipient = firstOf.get("recipient") ?? null;
  result.occasion = firstOf.get("occasion") ?? null;
  result.style = firstOf.get("style") ?? null;
  const gender = firstOf.get("gender");
  result.gender = gender !== undefined && isGender(gender) ? gender : (recipientGender ?? null);
}

/** The most specific metal: rose or white gold beat plain gold; a karat mark beside 白金 makes white gold. */
function resolveMetal(metals: Array<{ metal: Metal; term: string }>): Metal | null {
  const first = metals[0];
  if (!first) return null;
  const has = (metal: Metal) => metals.some((m) => m.metal === metal);
  if (has("rose-gold")) return "rose-gold";
  if (has("white-gold")) return "white-gold";
  const karat = metals.some((m) => m.metal === "gold" && /^\d+k/.test(m.term));
  if (karat && metals.some((m) => m.term === "白金")) return "white-gold";
  return first.metal;
}

const ORDERED_CHINESE_FILLERS = [...CHINESE_FILLERS].sort((a, b) => b.length - a.length);

/** The words left once recognised spans, filler words and punctuation are gone; null when none are left. */
function collectRest(text: string, claimed: PriceSpan[]): string | null {
  const taken = new Uint8Array(text.length);
  for (const span of claimed) taken.fill(1, span.start, span.end);
  const pieces: string[] = [];
  let current = "";
  const flush = () => {
    if (current.length > 0) pieces.push(current);
    current = "";
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? "";
    if (taken[i] === 1 || !(isCjk(char) || /[a-z0-9']/.test(char))) {
      flush();
      continue;
    }
    current += char;
  }
  flush();
  const words = pieces.flatMap((piece) => (isCjk(piece[0] ?? "") ? dropChineseFillers(piece) : splitLatin(piece)));
  const kept = words.filter((word) => !ENGLISH_FILLERS.has(word) && !/^[一两']+$/.test(word));
  return kept.length > 0 ? kept.join(" ") : null;
}

/** Splits a mixed piece into runs of CJK and of Latin/digits, then drops fillers from each. */
function splitLatin(piece: string): string[] {
  return (piece.match(/[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9']+/g) ?? []).flatMap((run) =>
    isCjk(run[0] ?? "") ? dropChineseFillers(run) : [run],
  );
}

function dropChineseFillers(run: string): string[] {
  if (!isCjk(run[0] ?? "")) return splitLatin(run);
  const kept: string[] = [];
  let current = "";
  let i = 0;
  while (i < run.length) {
    const filler = ORDERED_CHINESE_FILLERS.find((f) => run.startsWith(f, i));
    if (filler) {
      if (current.length > 0) kept.push(current);
      current = "";
      i += filler.length;
      continue;
    }
    const char = run[i] ?? "";
    if (!isCjk(char)) {
      if (current.length > 0) kept.push(current);
      current = "";
      let end = i;
      while (end < run.length && !isCjk(run[end] ?? "")) end++;
      kept.push(run.slice(i, end));
      i = end;
      continue;
    }
    current += char;
    i++;
  }
  if (current.length > 0) kept.push(current);
  return kept;
}

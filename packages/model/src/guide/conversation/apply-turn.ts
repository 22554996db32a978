import { findConcept } from "../../text/lexicon";
import { hasCjk } from "../../text/normalize-text";
import type { Currency } from "../parse-price";
import { type ParsedRequestWithSpans, parseRequest } from "../parse-request";
import { PARSED_REQUEST_FIELDS, type ParsedRequest } from "../parsed-request";
import {
  completeGuideState,
  EXCLUDABLE_KINDS,
  type ExcludableKind,
  GUIDE_STATE_FIELDS,
  type GuideState,
} from "./guide-state";
import { moveBudget } from "./move-budget";
import {
  hasEditMarker,
  isAllowedSpan,
  isNegatedSpan,
  isSetMaximumBefore,
  isStartOver,
  readClearedFields,
  readPriceDirection,
} from "./turn-cues";

export type ApplyTurnOptions = {
  /** Currency of amounts stated without one when the conversation has none yet; default by script (CNY for Chinese). */
  defaultCurrency?: Currency;
  /**
   * A typical price of the answer the shopper saw before this turn (its median, in the state's currency, or in
   * `defaultCurrency` when the state has none): "cheaper" without a budget means below it. A function is called only
   * when the turn needs it.
   */
  referencePrice?: number | null | (() => number | null);
};

export type TurnOutcome = {
  state: GuideState;
  /** How the turn was read: a whole new request (the state started over) or an edit of the state. */
  kind: "new-request" | "edit";
  /** The turn as the single-request parser reads it on its own (a negated word counts as asked for there). */
  parsed: ParsedRequest;
};

/** Fields of a turn's own parse that, set together with a new category, make it a request of its own. */
const REQUEST_FIELDS = ["metal", "gem", "occasion", "style"] as const;

/**
 * One turn of a guide conversation, read into an edit of the state (pure; never throws on any text):
 *
 * - A turn on the empty state is a new request. A turn starts over when it says so ("重新开始", "new search") or when
 *   it is a whole request by itself: it names a category other than the state's, plus at least two of {recipient or
 *   gender, budget, metal, gem, occasion, style}, and has no edit word ("换成", "instead", "also"…).
 * - Otherwise every field the turn names replaces the state's ("换成银的" → metal silver, "show me earrings instead" →
 *   category earring, the rest kept). A range replaces the budget; a one-sided budget ("预算提高到5000", "up to 500",
 *   "3000以上") replaces that side and keeps the other while it still fits. A negated concept ("不要钻石", "not for
 *   men") is excluded, and cleared where the state holds it; an excluded one allowed again ("钻石也可以",
 *   "diamonds are fine too") is no longer excluded, and not asked for either.
 * - "去掉预算" / "any price", "不限材质" / "any metal"… lift a field. "便宜一点" / "cheaper" and "贵一点" / "more
 *   expensive" move the budget by moveBudget's rule when the turn states no amount.
 */
export function applyTurn(before: GuideState, text: string, options: ApplyTurnOptions = {}): TurnOutcome {
  const raw = typeof text === "string" ? text : "";
  // Amounts without a currency are in the conversation's currency, whatever the turn's script.
  const defaultCurrency = before.currency ?? options.defaultCurrency ?? (hasCjk(raw) ? "CNY" : "USD");
  const parsedRaw = parseRequest(raw, { defaultCurrency });
  const parsed = pickParsedFields(parsedRaw);
  const normalized = parsedRaw.normalized;
  if (normalized.length === 0) return { state: before, kind: "edit", parsed };
  const conceptSpans = parsedRaw.spans.filter((span) => !span.conceptIds.includes("price"));
  // "X也行" lifts X's exclusion when X is excluded; otherwise it asks for X ("白金的也行" → platinum).
  const allowedSpans = conceptSpans.filter(
    (span) => span.conceptIds.some((id) => before.excluded.includes(id)) && isAllowedSpan(normalized, span.end),
  );
  const negatedSpans = conceptSpans.filter(
    (span) => !allowedSpans.includes(span) && isNegatedSpan(normalized, span.start, span.end),
  );
  const ignoredSpans = [...negatedSpans, ...allowedSpans];
  const positive =
    ignoredSpans.length === 0 ? parsedRaw : parseRequest(blankSpans(normalized, ignoredSpans), { defaultCurrency });
  if (isStartOver(normalized) || isWholeRequest(before, positive, normalized)) {
    return { state: stateOfRequest(positive, negatedSpans), kind: "new-request", parsed };
  }
  const state: GuideState = { ...before, excluded: [...before.excluded] };
  for (const field of readClearedFields(normalized)) clearField(state, field);
  mergePositive(state, positive, normalized);
  for (const span of negatedSpans) for (const id of span.conceptIds) negateConcept(state, id);
  for (const span of allowedSpans) state.excluded = state.excluded.filter((id) => !span.conceptIds.includes(id));
  if (positive.priceMin === null && positive.priceMax === null) {
    // Read outside the lexicon's own terms: "affordable luxury" is a style, not a price move.
    const direction = readPriceDirection(blankSpans(normalized, conceptSpans));
    if (direction !== null) {
      const moved = moveBudget(
        { min: state.priceMin, max: state.priceMax },
        direction,
        readReferencePrice(state, options.referencePrice),
      );
      if (moved !== null) {
        state.priceMin = moved.min;
        state.priceMax = moved.max;
        state.currency = state.currency ?? defaultCurrency;
      }
    }
  }
  return { state: completeGuideState(state), kind: isEmptyState(before) ? "new-request" : "edit", parsed };
}

function pickParsedFields(parsed: ParsedRequestWithSpans): ParsedRequest {
  return Object.fromEntries(PARSED_REQUEST_FIELDS.map((field) => [field, parsed[field]])) as ParsedRequest;
}

/** A state nothing has been asked of yet: a turn on it is a new request, whatever it says. */
function isEmptyState(state: GuideState): boolean {
  return (
    state.excluded.length === 0 && GUIDE_STATE_FIELDS.every((field) => field === "excluded" || state[field] === null)
  );
}

/** Only a state without a budget needs the last answer's prices (a "cheaper" with a budget moves the budget). */
function readReferencePrice(state: GuideState, reference: ApplyTurnOptions["referencePrice"]): number | null {
  if (state.priceMin !== null || state.priceMax !== null) return null;
  return (typeof reference === "function" ? reference() : reference) ?? null;
}

function isWholeRequest(before: GuideState, turn: ParsedRequestWithSpans, text: string): boolean {
  if (turn.category === null || turn.category === before.category || hasEditMarker(text)) return false;
  const named =
    (turn.recipient !== null || turn.gender !== null ? 1 : 0) +
    (turn.priceMin !== null || turn.priceMax !== null ? 1 : 0) +
    REQUEST_FIELDS.filter((field) => turn[field] !== null).length;
  return named >= 2;
}

function stateOfRequest(turn: ParsedRequestWithSpans, negatedSpans: ParsedRequestWithSpans["spans"]): GuideState {
  const state = completeGuideState({
    category: turn.category,
    metal: turn.metal,
    gem: turn.gem,
    gender: turn.gender,
    recipient: turn.recipient,
    occasion: turn.occasion,
    style: turn.style,
    priceMin: turn.priceMin,
    priceMax: turn.priceMax,
    currency: turn.currency,
  });
  for (const span of negatedSpans) for (const id of span.conceptIds) negateConcept(state, id);
  return completeGuideState(state);
}

function mergePositive(state: GuideState, turn: ParsedRequestWithSpans, text: string): void {
  for (const field of ["category", "metal", "gem", "gender", "recipient", "occasion", "style"] as const) {
    const value = turn[field];
    if (value === null) continue;
    (state as Record<typeof field, string | null>)[field] = value;
    if (isExcludable(field)) state.excluded = state.excluded.filter((id) => id !== `${field}:${value}`);
  }
  if (turn.priceMin === null && turn.priceMax === null) return;
  const priceSpan = turn.spans.find((span) => span.conceptIds.includes("price"));
  const isBareAmount = turn.priceMin !== null && turn.priceMax !== null && turn.priceMin < turn.priceMax;
  const isSetCeiling =
    priceSpan !== undefined &&
    isBareAmount &&
    isSetMaximumBefore(text, priceSpan.start) &&
    /^[\d.,]+$/.test(priceSpan.text);
  const min = isSetCeiling ? null : turn.priceMin;
  const max = isSetCeiling ? ((turn.priceMin ?? 0) + (turn.priceMax ?? 0)) / 2 : turn.priceMax;
  // A one-sided budget moves that side only; the other side stays when it still fits (and is in the same currency).
  const sameCurrency = state.currency === turn.currency;
  state.priceMin =
    min ?? (sameCurrency && state.priceMin !== null && max !== null && state.priceMin < max ? state.priceMin : null);
  state.priceMax =
    max ?? (sameCurrency && state.priceMax !== null && min !== null && state.priceMax > min ? state.priceMax : null);
  state.currency = turn.currency;
}

function clearField(state: GuideState, field: ReturnType<typeof readClearedFields>[number]): void {
  if (field === "price") {
    state.priceMin = null;
    state.priceMax = null;
    state.currency = null;
    return;
  }
  // Exclusions stay: they are their own chip, lifted by allowing them again ("男款也可以").
  state[field] = null;
}

/** A concept the shopper said no to: excluded when it filters the catalog, and cleared wherever the state holds it. */
function negateConcept(state: GuideState, conceptId: string): void {
  const concept = findConcept(conceptId);
  if (!concept) return;
  const { kind, value } = concept;
  if (kind === "color") return;
  if (state[kind] === value) state[kind] = null;
  if (isExcludable(kind) && !state.excluded.includes(conceptId)) state.excluded = [...state.excluded, conceptId];
}

function isExcludable(kind: string): kind is ExcludableKind {
  return (EXCLUDABLE_KINDS as readonly string[]).includes(kind);
}

/** The text with the given spans turned into spaces, so that re-parsing it ignores them. */
function blankSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  let blanked = text;
  for (const { start, end } of spans) blanked = blanked.slice(0, start) + " ".repeat(end - start) + blanked.slice(end);
  return blanked;
}

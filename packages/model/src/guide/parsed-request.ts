import type { Category, Gender, Metal } from "../domain/vocabulary";
import type { Currency } from "./parse-price";

/** What a shopper asked for, as far as parseRequest could tell; null wherever the request says nothing. */
export type ParsedRequest = {
  category: Category | null;
  metal: Metal | null;
  /** A GEM_NAMES key ("diamond", "pearl", "jade"…) or "moissanite". */
  gem: string | null;
  color: string | null;
  /** Stated ("男士", "for her", "情侣") or implied by the recipient (妈妈 → female). */
  gender: Gender | null;
  recipient: string | null;
  occasion: string | null;
  style: string | null;
  priceMin: number | null;
  priceMax: number | null;
  currency: Currency | null;
  /** Leftover words after removing recognised phrases and filler, joined by spaces; null when nothing is left. */
  rest: string | null;
};

/** The fields of ParsedRequest, in output order (the worker's parse-request prints exactly these). */
export const PARSED_REQUEST_FIELDS = [
  "category",
  "metal",
  "gem",
  "color",
  "gender",
  "recipient",
  "occasion",
  "style",
  "priceMin",
  "priceMax",
  "currency",
  "rest",
] as const satisfies ReadonlyArray<keyof ParsedRequest>;
export type ParsedRequestField = (typeof PARSED_REQUEST_FIELDS)[number];

export function createEmptyParsedRequest(): ParsedRequest {
  return {
    category: null,
    metal: null,
    gem: null,
    color: null,
    gender: null,
    recipient: null,
    occasion: null,
    style: null,
    priceMin: null,
    priceMax: null,
    currency: null,
    rest: null,
  };
}

import type { Category, Gender, Metal } from "../../domain/vocabulary";
import type { Currency } from "../parse-price";

/** The kinds of concept a conversation can exclude ("不要钻石", "not for men"): the ones that filter the catalog. */
export const EXCLUDABLE_KINDS = ["category", "metal", "gem", "gender"] as const;
export type ExcludableKind = (typeof EXCLUDABLE_KINDS)[number];

/**
 * What a guide conversation has asked for so far: the parsed constraints every turn edits. Like ParsedRequest without
 * colour and leftover words (the guide filters by neither), plus `excluded`: concept ids (`gem:diamond`,
 * `gender:male`) the shopper said no to, sorted and unique.
 */
export type GuideState = {
  category: Category | null;
  metal: Metal | null;
  gem: string | null;
  gender: Gender | null;
  recipient: string | null;
  occasion: string | null;
  style: string | null;
  priceMin: number | null;
  priceMax: number | null;
  currency: Currency | null;
  excluded: string[];
};

/** The fields of GuideState, in the order evaluations report them. */
export const GUIDE_STATE_FIELDS = [
  "category",
  "metal",
  "gem",
  "gender",
  "recipient",
  "occasion",
  "style",
  "priceMin",
  "priceMax",
  "currency",
  "excluded",
] as const satisfies ReadonlyArray<keyof GuideState>;
export type GuideStateField = (typeof GUIDE_STATE_FIELDS)[number];

export function createEmptyGuideState(): GuideState {
  return {
    category: null,
    metal: null,
    gem: null,
    gender: null,
    recipient: null,
    occasion: null,
    style: null,
    priceMin: null,
    priceMax: null,
    currency: null,
    excluded: [],
  };
}

/** A state from a partial one (a labelled file lists only the fields that are set): the rest null, none excluded. */
export function completeGuideState(partial: Partial<GuideState>): GuideState {
  const state = { ...createEmptyGuideState(), ...partial };
  return { ...state, excluded: [...new Set(state.excluded)].sort() };
}

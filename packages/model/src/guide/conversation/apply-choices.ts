import { findConcept } from "../../text/lexicon";
import type { GuideState } from "./guide-state";

/** The guide's quick choices (selects beside the first request), as the state fields they set. */
export type GuideStateChoices = Partial<
  Pick<
    GuideState,
    "category" | "metal" | "gem" | "recipient" | "occasion" | "style" | "priceMin" | "priceMax" | "currency"
  >
>;

/**
 * Quick choices over a state: each set choice replaces its field; a chosen recipient with a gender (mother → female)
 * sets that gender too; a chosen budget replaces the whole budget (a bound not chosen is lifted).
 */
export function applyChoices(state: GuideState, choices: GuideStateChoices): GuideState {
  const next: GuideState = { ...state, excluded: [...state.excluded] };
  for (const field of ["category", "metal", "gem", "recipient", "occasion", "style"] as const) {
    const value = choices[field];
    if (value === undefined || value === null) continue;
    (next as Record<typeof field, string | null>)[field] = value;
    next.excluded = next.excluded.filter((id) => id !== `${field}:${value}`);
  }
  const recipientGender = choices.recipient ? findConcept(`recipient:${choices.recipient}`)?.gender : undefined;
  if (recipientGender) {
    next.gender = recipientGender;
    next.excluded = next.excluded.filter((id) => id !== `gender:${recipientGender}`);
  }
  const hasBudget = typeof choices.priceMin === "number" || typeof choices.priceMax === "number";
  if (hasBudget) {
    next.priceMin = choices.priceMin ?? null;
    next.priceMax = choices.priceMax ?? null;
    next.currency = choices.currency ?? null;
  }
  return next;
}

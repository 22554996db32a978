import type { Currency, GuideState, GuideStateChoices } from "@jewelguide/model/guide";
import { findConcept } from "@jewelguide/model/lexicon";
import { CATEGORIES, isGender, METALS } from "@jewelguide/model/vocabulary";
import { z } from "zod";
import { CURRENCIES, toCatalogCurrency } from "./exchange-rates";
import type { ConstraintField, GuideConstraints } from "./guide-constraints";

const conceptValue = (kind: string) =>
  z
    .string()
    .trim()
    .regex(/^[a-z-]{1,40}$/)
    .refine((value) => findConcept(`${kind}:${value}`) !== undefined, { message: `unknown ${kind}` });

/** The guide's quick choices, made with the first turn; each one overrides what that turn said about the same field. */
export const GuideChoicesSchema = z
  .object({
    category: z.enum(CATEGORIES).optional(),
    metal: z.enum(METALS).optional(),
    gem: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z-]{1,40}$/)
      .optional(),
    recipient: conceptValue("recipient").optional(),
    occasion: conceptValue("occasion").optional(),
    style: conceptValue("style").optional(),
    budgetMin: z.number().nonnegative().max(10_000_000).optional(),
    budgetMax: z.number().nonnegative().max(10_000_000).optional(),
    budgetCurrency: z.enum(CURRENCIES as [Currency, ...Currency[]]).optional(),
  })
  .refine((c) => c.budgetMin === undefined || c.budgetMax === undefined || c.budgetMin <= c.budgetMax, {
    message: "budgetMin must not exceed budgetMax",
    path: ["budgetMin"],
  });
export type GuideChoices = z.output<typeof GuideChoicesSchema>;

/** The quick choices as the conversation state's fields (runConversation applies them with the first turn). */
export function toStateChoices(choices: GuideChoices): GuideStateChoices {
  return {
    category: choices.category,
    metal: choices.metal,
    gem: choices.gem,
    recipient: choices.recipient,
    occasion: choices.occasion,
    style: choices.style,
    priceMin: choices.budgetMin,
    priceMax: choices.budgetMax,
    currency: choices.budgetCurrency,
  };
}

/**
 * The conversation's state − dropped fields → constraints. Prices are converted to the catalog currency; a budget
 * without a currency is in `defaultCurrency`.
 */
export function buildGuideConstraints(
  state: GuideState,
  drop: readonly ConstraintField[],
  defaultCurrency: Currency,
): GuideConstraints {
  const { priceMin: min, priceMax: max } = state;
  const currency = state.currency ?? defaultCurrency;
  const constraints: GuideConstraints = {
    category: state.category,
    metal: state.metal,
    gem: state.gem,
    gender: state.gender !== null && isGender(state.gender) ? state.gender : null,
    price:
      min === null && max === null
        ? null
        : {
            min,
            max,
            currency,
            minCatalog: min === null ? null : toCatalogCurrency(min, currency),
            maxCatalog: max === null ? null : toCatalogCurrency(max, currency),
          },
    excluded: [...state.excluded],
    recipient: state.recipient,
    occasion: state.occasion,
    style: state.style,
  };
  for (const field of drop) {
    if (field === "excluded") constraints.excluded = [];
    else constraints[field] = null;
  }
  return constraints;
}

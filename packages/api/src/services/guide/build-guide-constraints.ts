import type { Currency, ParsedRequest } from "@jewelguide/model/guide";
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

/** The guide's quick choices; each one overrides what the free text said about the same field. */
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

/**
 * Parsed request + quick choices − dropped fields → constraints. A recipient choice implies a gender when the recipient
 * has one (mother → female) and neither the text nor a choice stated a gender. Prices are converted to the catalog
 * currency; a budget without a currency is in `defaultCurrency`.
 */
export function buildGuideConstraints(
  parsed: ParsedRequest,
  choices: GuideChoices,
  drop: readonly ConstraintField[],
  defaultCurrency: Currency,
): GuideConstraints {
  const recipient = choices.recipient ?? parsed.recipient;
  const recipientGender = choices.recipient ? findConcept(`recipient:${choices.recipient}`)?.gender : undefined;
  const gender = recipientGender ?? parsed.gender;
  const hasChoiceBudget = choices.budgetMin !== undefined || choices.budgetMax !== undefined;
  const min = hasChoiceBudget ? (choices.budgetMin ?? null) : parsed.priceMin;
  const max = hasChoiceBudget ? (choices.budgetMax ?? null) : parsed.priceMax;
  const currency = (hasChoiceBudget ? choices.budgetCurrency : parsed.currency) ?? defaultCurrency;
  const constraints: GuideConstraints = {
    category: choices.category ?? parsed.category,
    metal: choices.metal ?? parsed.metal,
    gem: choices.gem ?? parsed.gem,
    gender: gender !== null && gender !== undefined && isGender(gender) ? gender : null,
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
    recipient,
    occasion: choices.occasion ?? parsed.occasion,
    style: choices.style ?? parsed.style,
  };
  for (const field of drop) constraints[field] = null;
  return constraints;
}

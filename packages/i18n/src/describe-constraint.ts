import { findConcept } from "@jewelguide/model/lexicon";
import { GEM_NAMES, isMetal, METAL_NAMES } from "@jewelguide/model/vocabulary";
import type { BudgetRange, ConstraintCode } from "./constraint-code";
import { categoryName, describeReason } from "./describe-pick-reason";
import { formatPrice } from "./format-price";
import type { Language } from "./languages";
import { formatMessage, MESSAGES } from "./messages";
import type { PickReason } from "./pick-reason";

/** The currency the catalog's prices, and so a budget's converted range, are in. */
const CATALOG_CURRENCY = "USD";

const GENDER_KEYS = { female: "genderFemale", male: "genderMale", unisex: "genderUnisex" } as const;
const EXCLUDED_GENDER_KEYS = {
  female: "excludedFemale",
  male: "excludedMale",
  unisex: "excludedUnisex",
} as const;

/** The chip text of one constraint the guide understood, in the shopper's language. */
export function describeConstraint(code: ConstraintCode, language: Language): string {
  switch (code.field) {
    case "category":
      return categoryName(code.value, language);
    case "metal":
      return isMetal(code.value) ? METAL_NAMES[code.value][language] : code.value;
    case "gem":
      return GEM_NAMES[code.value]?.[language] ?? code.value;
    case "gender":
      return MESSAGES[language].explain[GENDER_KEYS[code.value]];
    case "price":
      return describeBudget(code.value, language);
    case "recipient":
    case "occasion":
    case "style":
      return findConcept(`${code.field}:${code.value}`)?.[language] ?? code.value;
    case "excluded":
      return formatMessage(MESSAGES[language].explain.excludedChip, {
        labels: code.value
          .map((id) => describeExcludedConcept(id, language))
          .join(MESSAGES[language].explain.listSeparator),
      });
  }
}

/** One excluded concept's name: "钻石", "men's pieces"; an unknown id as written. */
function describeExcludedConcept(conceptId: string, language: Language): string {
  const concept = findConcept(conceptId);
  if (!concept) return conceptId;
  if (concept.kind === "gender")
    return MESSAGES[language].explain[EXCLUDED_GENDER_KEYS[concept.value as keyof typeof EXCLUDED_GENDER_KEYS]];
  if (concept.kind === "category") return categoryName(concept.value, language);
  if (concept.kind === "metal")
    return isMetal(concept.value) ? METAL_NAMES[concept.value][language] : concept[language];
  if (concept.kind === "gem") return GEM_NAMES[concept.value]?.[language] ?? concept[language];
  return concept[language];
}

/** "¥3,000.00 以内（约 US$416.67）" / "up to $300.00": the stated budget and, in another currency, what it filters in USD. */
function describeBudget(budget: BudgetRange, language: Language): string {
  const messages = MESSAGES[language].explain;
  const stated = (amount: number) => formatPrice(amount, budget.currency, language);
  const catalog = (amount: number) => formatPrice(amount, CATALOG_CURRENCY, language);
  const { min, max, minCatalog, maxCatalog } = budget;
  let text: string;
  let converted: string;
  if (min !== null && max !== null && minCatalog !== null && maxCatalog !== null) {
    text = formatMessage(messages.priceBetween, { min: stated(min), max: stated(max) });
    converted = formatMessage(messages.priceBetween, { min: catalog(minCatalog), max: catalog(maxCatalog) });
  } else if (max !== null && maxCatalog !== null) {
    text = formatMessage(messages.priceUpTo, { max: stated(max) });
    converted = catalog(maxCatalog);
  } else {
    text = formatMessage(messages.priceFrom, { min: stated(min ?? 0) });
    converted = catalog(minCatalog ?? 0);
  }
  if (budget.currency === CATALOG_CURRENCY) return text;
  return formatMessage(messages.priceConverted, { price: text, converted });
}

/** A guide pick's "why this?": the constraints it matches (as their chips say them), then the reason it was picked. */
export function describeGuidePick(matched: readonly ConstraintCode[], reason: PickReason, language: Language): string {
  const why = describeReason(reason, language);
  if (matched.length === 0) return why;
  const messages = MESSAGES[language].explain;
  const labels = matched.map((code) => describeConstraint(code, language)).join(messages.matchedSeparator);
  return formatMessage(messages.guideWhy, { matched: labels, reason: why });
}

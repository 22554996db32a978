import type { Currency } from "@jewelguide/model/guide";
import { findConcept } from "@jewelguide/model/lexicon";
import { GEM_NAMES, isMetal, METAL_NAMES } from "@jewelguide/model/vocabulary";
import type { Locale } from "../recommendations/locale-schema";
import { categoryName } from "../recommendations/pick-reason";
import type { ConstraintField, GuideConstraints, PriceConstraint } from "./guide-constraints";

const GENDER_LABELS = {
  female: { zh: "女款（不含男款）", en: "For her (men's pieces left out)" },
  male: { zh: "男款（不含女款）", en: "For him (women's pieces left out)" },
  unisex: { zh: "中性款", en: "Unisex" },
} as const;

/** The chip text of one set constraint, in the shopper's language; null when the field is not set. */
export function describeConstraint(
  constraints: GuideConstraints,
  field: ConstraintField,
  locale: Locale,
): string | null {
  switch (field) {
    case "category":
      return constraints.category && categoryName(constraints.category, locale);
    case "metal":
      return (
        constraints.metal && (isMetal(constraints.metal) ? METAL_NAMES[constraints.metal][locale] : constraints.metal)
      );
    case "gem":
      return constraints.gem && (GEM_NAMES[constraints.gem]?.[locale] ?? constraints.gem);
    case "gender":
      return constraints.gender && GENDER_LABELS[constraints.gender][locale];
    case "price":
      return constraints.price && describePrice(constraints.price, locale);
    case "recipient":
    case "occasion":
    case "style": {
      const value = constraints[field];
      if (value === null) return null;
      const concept = findConcept(`${field}:${value}`);
      return concept ? concept[locale] : value;
    }
  }
}

/** Number formats by locale and currency: creating an Intl.NumberFormat costs ~30 µs, formatting with one ~0.4 µs. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

function money(amount: number, currency: Currency, locale: Locale): string {
  const key = `${locale}:${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", {
      style: "currency",
      currency,
      maximumFractionDigits: 2,
      minimumFractionDigits: 0,
    });
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}

/** "¥3,000 以内（约 US$416.67）" / "up to ¥3,000 (≈ $416.67)": the stated budget and what it filters in USD. */
export function describePrice(price: PriceConstraint, locale: Locale): string {
  const zh = locale === "zh";
  const stated = (value: number) => money(value, price.currency, locale);
  const catalog = (value: number) => money(value, "USD", locale);
  const { min, max, minCatalog, maxCatalog } = price;
  let text: string;
  let converted: string;
  if (min !== null && max !== null && minCatalog !== null && maxCatalog !== null) {
    text = `${stated(min)}–${stated(max)}`;
    converted = `${catalog(minCatalog)}–${catalog(maxCatalog)}`;
  } else if (max !== null && maxCatalog !== null) {
    text = zh ? `${stated(max)} 以内` : `up to ${stated(max)}`;
    converted = catalog(maxCatalog);
  } else {
    text = zh ? `${stated(min ?? 0)} 以上` : `from ${stated(min ?? 0)}`;
    converted = catalog(minCatalog ?? 0);
  }
  if (price.currency === "USD") return text;
  return zh ? `${text}（约 ${converted}）` : `${text} (≈ ${converted})`;
}

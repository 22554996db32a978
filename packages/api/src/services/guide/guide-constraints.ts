import type { Currency } from "@jewelguide/model/guide";
import type { Category, Gender, Metal } from "@jewelguide/model/vocabulary";

/** Every constraint the guide understands; the first six filter the catalog, the last three are context only. */
export const CONSTRAINT_FIELDS = [
  "category",
  "metal",
  "gem",
  "gender",
  "price",
  "excluded",
  "recipient",
  "occasion",
  "style",
] as const;
export type ConstraintField = (typeof CONSTRAINT_FIELDS)[number];

/** The constraints that are product attributes and therefore filter the catalog. */
export const FILTER_FIELDS = [
  "category",
  "metal",
  "gem",
  "gender",
  "price",
  "excluded",
] as const satisfies readonly ConstraintField[];
export type FilterField = (typeof FILTER_FIELDS)[number];

export function isFilterField(field: ConstraintField): field is FilterField {
  return (FILTER_FIELDS as readonly string[]).includes(field);
}

export type PriceConstraint = {
  /** As the shopper stated it. */
  min: number | null;
  max: number | null;
  currency: Currency;
  /** Converted to the catalog currency (USD) with the fixed rate table. */
  minCatalog: number | null;
  maxCatalog: number | null;
};

/** What the guide filters and ranks by: the parsed request, overridden by quick choices, minus dropped chips. */
export type GuideConstraints = {
  category: Category | null;
  metal: Metal | null;
  gem: string | null;
  /** Keeps products marked for this gender or unisex, and products whose gender the catalog does not know. */
  gender: Gender | null;
  price: PriceConstraint | null;
  /** Concept ids the shopper said no to (`gem:diamond`, `gender:male`); a product with any of them is left out. */
  excluded: string[];
  recipient: string | null;
  occasion: string | null;
  style: string | null;
};

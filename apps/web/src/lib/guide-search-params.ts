import { CONSTRAINT_FIELDS, type ConstraintField } from "@jewelguide/api";
import type { Currency } from "@jewelguide/model/guide";
import { CATEGORIES, METALS } from "@jewelguide/model/vocabulary";
import { z } from "zod";

const conceptParam = z
  .string()
  .regex(/^[a-z-]{1,40}$/)
  .optional()
  .catch(undefined);

/** The guide's URL state (a GET form, so requests are shareable and work without JavaScript). */
export const GuideSearchParamsSchema = z.object({
  q: z.string().trim().max(500).optional().catch(undefined),
  category: z.enum(CATEGORIES).optional().catch(undefined),
  metal: z.enum(METALS).optional().catch(undefined),
  recipient: conceptParam,
  occasion: conceptParam,
  style: conceptParam,
  /** "min-max-CUR", either bound may be empty: "0-3000-CNY", "1200--USD". */
  budget: z
    .string()
    .regex(/^\d{0,8}-\d{0,8}-[A-Z]{3}$/)
    .optional()
    .catch(undefined),
  /** Removed chips, comma-separated constraint fields. */
  drop: z.string().max(200).optional().catch(undefined),
});
export type GuideSearchParams = z.infer<typeof GuideSearchParamsSchema>;

export function parseGuideSearchParams(raw: Record<string, string | string[] | undefined>): GuideSearchParams {
  const single = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = GuideSearchParamsSchema.parse(single);
  return { ...parsed, q: parsed.q || undefined };
}

export function parseDrop(drop: string | undefined): ConstraintField[] {
  const fields = (drop ?? "").split(",");
  return CONSTRAINT_FIELDS.filter((field) => fields.includes(field));
}

export function parseBudget(budget: string | undefined): {
  budgetMin?: number;
  budgetMax?: number;
  budgetCurrency?: Currency;
} {
  const match = budget?.match(/^(\d*)-(\d*)-([A-Z]{3})$/);
  if (!match) return {};
  const [, min, max, currency] = match;
  if (!isCurrencyCode(currency)) return {};
  const budgetMin = min ? Number(min) : undefined;
  const budgetMax = max ? Number(max) : undefined;
  if (budgetMin !== undefined && budgetMax !== undefined && budgetMin > budgetMax) return {};
  return { budgetMin, budgetMax, budgetCurrency: currency };
}

function isCurrencyCode(value: string | undefined): value is Currency {
  return value !== undefined && ["CNY", "USD", "EUR", "GBP", "HKD", "JPY"].includes(value);
}

/** The guide URL with some params changed (undefined removes one). */
export function buildGuideHref(params: GuideSearchParams, changes: Partial<GuideSearchParams>): string {
  const next = { ...params, ...changes };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `/guide?${text}` : "/guide";
}

/** Link that removes one chip: its quick-choice param goes, and the field is dropped from the parsed text. */
export function buildRemoveChipHref(params: GuideSearchParams, field: ConstraintField): string {
  const drop = [...new Set([...parseDrop(params.drop), field])].join(",");
  const param: Partial<Record<ConstraintField, keyof GuideSearchParams>> = {
    category: "category",
    metal: "metal",
    recipient: "recipient",
    occasion: "occasion",
    style: "style",
    price: "budget",
  };
  const key = param[field];
  return buildGuideHref(params, { drop, ...(key ? { [key]: undefined } : {}) });
}

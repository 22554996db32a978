import { CONSTRAINT_FIELDS, type ConstraintField, MAX_GUIDE_TURN_LENGTH, MAX_GUIDE_TURNS } from "@jewelguide/api";
import { type ConstraintCode, describeChipRemoval, type Language } from "@jewelguide/i18n";
import type { Currency } from "@jewelguide/model/guide";
import { CATEGORIES, METALS } from "@jewelguide/model/vocabulary";
import { z } from "zod";

const conceptParam = z
  .string()
  .regex(/^[a-z-]{1,40}$/)
  .optional()
  .catch(undefined);

/** Turns beyond this many in a URL are not read (the guide answers at most MAX_GUIDE_TURNS; the page says so). */
const MAX_URL_TURNS = MAX_GUIDE_TURNS + 1;

/**
 * The guide's URL state (a GET form, so requests are shareable and work without JavaScript). The conversation is the
 * repeated `q`: one per turn, in order (the first may be empty when the shopper only made quick choices), so back and
 * forward walk through the turns and a shared link replays them.
 */
export const GuideSearchParamsSchema = z.object({
  q: z
    .array(z.string().trim().max(MAX_GUIDE_TURN_LENGTH))
    .catch([])
    .transform((turns) => turns.slice(0, MAX_URL_TURNS)),
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
  const single = Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, k === "q" ? [v ?? []].flat() : Array.isArray(v) ? v[0] : v]),
  );
  return GuideSearchParamsSchema.parse({ q: [], ...single });
}

/** The quick choices' URL params, which travel with every turn of the conversation. */
export const CHOICE_PARAMS = ["category", "metal", "recipient", "occasion", "style", "budget"] as const;

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

/** The guide URL with some params changed (undefined removes one); every turn is its own `q`, in order. */
export function buildGuideHref(params: GuideSearchParams, changes: Partial<GuideSearchParams>): string {
  const { q, ...rest } = { ...params, ...changes };
  const query = new URLSearchParams();
  for (const turn of q) query.append("q", turn);
  for (const [key, value] of Object.entries(rest)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `/guide?${text}` : "/guide";
}

/**
 * The link that removes a chip (or takes a relaxation): one more turn saying so in the shopper's words ("不限材质",
 * "diamond is fine too"), so the conversation shows it and the back button brings the chip back.
 */
export function buildRemoveChipHref(params: GuideSearchParams, chip: ConstraintCode, language: Language): string {
  return buildGuideHref(params, { q: [...params.q, describeChipRemoval(chip, language)] });
}

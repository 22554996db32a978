import { PRODUCT_SORTS } from "@jewelguide/api";
import { CATEGORIES, METALS } from "@jewelguide/model/vocabulary";
import { z } from "zod";

/** The shop's URL state. Unknown or malformed values are dropped rather than failing the page. */
export const ShopSearchParamsSchema = z.object({
  category: z.enum(CATEGORIES).optional().catch(undefined),
  metal: z.enum(METALS).optional().catch(undefined),
  sort: z.enum(PRODUCT_SORTS).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export type ShopSearchParams = z.infer<typeof ShopSearchParamsSchema>;

type RawSearchParams = Record<string, string | string[] | undefined>;

export function parseShopSearchParams(raw: RawSearchParams): ShopSearchParams {
  const single = Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const parsed = ShopSearchParamsSchema.parse(single);
  return { ...parsed, q: parsed.q || undefined };
}

/**
 * The link to the shop with some params changed (undefined removes one). Changing anything but the page goes back
 * to page 1.
 */
export function buildShopHref(current: ShopSearchParams, changes: Partial<ShopSearchParams>): string {
  const next: ShopSearchParams = { ...current, ...changes };
  if (!("page" in changes)) next.page = undefined;
  const query = new URLSearchParams();
  for (const key of ["q", "category", "metal", "sort", "page"] as const) {
    const value = next[key];
    if (value !== undefined && value !== "" && !(key === "page" && value === 1)) query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `/?${text}` : "/";
}

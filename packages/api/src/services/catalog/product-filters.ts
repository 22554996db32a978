import type { Dialect, Prisma } from "@jewelguide/db";
import { CATEGORIES, METALS } from "@jewelguide/model/vocabulary";
import { z } from "zod";

/** The catalog filters shared by the listing and the facet counts. */
export const ProductFiltersSchema = z
  .object({
    category: z.enum(CATEGORIES).optional(),
    metal: z.enum(METALS).optional(),
    gem: z.string().trim().min(1).max(40).toLowerCase().optional(),
    minPrice: z.number().nonnegative().optional(),
    maxPrice: z.number().nonnegative().optional(),
    inStock: z.boolean().optional(),
    /** Free text matched against both titles. */
    q: z.string().trim().max(100).optional(),
  })
  .refine((f) => f.minPrice === undefined || f.maxPrice === undefined || f.minPrice <= f.maxPrice, {
    message: "minPrice must not exceed maxPrice",
    path: ["minPrice"],
  });

export type ProductFilters = z.infer<typeof ProductFiltersSchema>;

/**
 * Turns the filters into a Prisma `where`. Text search is a case-insensitive substring match on the Chinese and
 * English titles: SQLite's LIKE already ignores ASCII case, PostgreSQL needs `mode: "insensitive"`.
 */
export function buildProductWhere(filters: ProductFilters, dialect: Dialect): Prisma.ProductWhereInput {
  const and: Prisma.ProductWhereInput[] = [];
  if (filters.category) and.push({ category: filters.category });
  if (filters.metal) and.push({ metal: filters.metal });
  if (filters.gem) and.push({ gem: filters.gem });
  if (filters.minPrice !== undefined || filters.maxPrice !== undefined) {
    and.push({ price: { gte: filters.minPrice, lte: filters.maxPrice } });
  }
  if (filters.inStock !== undefined) and.push({ inStock: filters.inStock });
  if (filters.q) {
    const match = { contains: filters.q, ...(dialect === "postgresql" ? { mode: "insensitive" as const } : {}) };
    and.push({ OR: [{ titleEn: match }, { titleZh: match }] });
  }
  return and.length === 0 ? {} : { AND: and };
}

import type { Db, Dialect } from "@jewelguide/db";
import { CATEGORIES, type Category, isCategory, isMetal, METALS, type Metal } from "@jewelguide/model/vocabulary";
import { z } from "zod";
import { buildProductWhere, ProductFiltersSchema } from "./product-filters";

export const ListFacetsInputSchema = z.object({ filters: ProductFiltersSchema.default({}) });
export type ListFacetsInput = z.output<typeof ListFacetsInputSchema>;

export type FacetCount<T extends string> = { value: T; count: number };
export type Facets = { categories: FacetCount<Category>[]; metals: FacetCount<Metal>[]; total: number };

/**
 * Counts for the filter chips. Each facet ignores its own filter (so the other categories stay selectable while one
 * is chosen) but honours all the others. Values come back in vocabulary order; values with no products are left out.
 */
export async function listFacets(db: Db, dialect: Dialect, { filters }: ListFacetsInput): Promise<Facets> {
  const [categoryRows, metalRows, total] = await Promise.all([
    db.product.groupBy({
      by: ["category"],
      where: buildProductWhere({ ...filters, category: undefined }, dialect),
      _count: { _all: true },
    }),
    db.product.groupBy({
      by: ["metal"],
      where: buildProductWhere({ ...filters, metal: undefined }, dialect),
      _count: { _all: true },
    }),
    db.product.count({ where: buildProductWhere(filters, dialect) }),
  ]);
  const categoryCounts = new Map(
    categoryRows.flatMap((row) => (isCategory(row.category) ? [[row.category, row._count._all] as const] : [])),
  );
  const metalCounts = new Map(
    metalRows.flatMap((row) => (row.metal && isMetal(row.metal) ? [[row.metal, row._count._all] as const] : [])),
  );
  return {
    categories: CATEGORIES.flatMap((value) => {
      const count = categoryCounts.get(value) ?? 0;
      return count > 0 ? [{ value, count }] : [];
    }),
    metals: METALS.flatMap((value) => {
      const count = metalCounts.get(value) ?? 0;
      return count > 0 ? [{ value, count }] : [];
    }),
    total,
  };
}

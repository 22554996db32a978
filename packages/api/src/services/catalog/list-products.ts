import type { Db, Dialect, Prisma } from "@jewelguide/db";
import { z } from "zod";
import { listByPopularity, newestFirst } from "./list-by-popularity";
import { listInSegments } from "./list-in-segments";
import { buildProductWhere, ProductFiltersSchema } from "./product-filters";
import { type ProductCard, productCardSelect } from "./product-selectors";

/**
 * featured: products with a photo first, each group most purchased first (the shop window);
 * newest; price-asc / price-desc: priced products first, "price on request" (price 0) last; popularity: purchases.
 */
export const PRODUCT_SORTS = ["featured", "newest", "price-asc", "price-desc", "popularity"] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export const ListProductsInputSchema = z.object({
  filters: ProductFiltersSchema.default({}),
  sort: z.enum(PRODUCT_SORTS).default("featured"),
  /** 1-based page number. */
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(60).default(24),
});

export type ListProductsInput = z.output<typeof ListProductsInputSchema>;

export type ProductPage = {
  items: ProductCard[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

function and(where: Prisma.ProductWhereInput, extra: Prisma.ProductWhereInput): Prisma.ProductWhereInput {
  return { AND: [where, extra] };
}

function listOrdered(db: Db, orderBy: Prisma.ProductOrderByWithRelationInput[]) {
  return (where: Prisma.ProductWhereInput, skip: number, take: number) =>
    db.product.findMany({ where, orderBy, skip, take, select: productCardSelect });
}

/** One page of products matching the filters, in the requested order, with the total for pagination. */
export async function listProducts(db: Db, dialect: Dialect, input: ListProductsInput): Promise<ProductPage> {
  const where = buildProductWhere(input.filters, dialect);
  const skip = (input.page - 1) * input.pageSize;
  const take = input.pageSize;
  const total = await db.product.count({ where });
  const priced = [and(where, { price: { gt: 0 } }), and(where, { price: { lte: 0 } })];
  let items: ProductCard[];
  switch (input.sort) {
    case "featured":
      items = await listInSegments(
        db,
        [and(where, { imageUrl: { not: null } }), and(where, { imageUrl: null })],
        skip,
        take,
        (segment, segmentSkip, segmentTake) => listByPopularity(db, segment, segmentSkip, segmentTake),
      );
      break;
    case "popularity":
      items = await listByPopularity(db, where, skip, take);
      break;
    case "newest":
      items = await listOrdered(db, newestFirst)(where, skip, take);
      break;
    case "price-asc":
      items = await listInSegments(db, priced, skip, take, listOrdered(db, [{ price: "asc" }, { id: "asc" }]));
      break;
    case "price-desc":
      items = await listInSegments(db, priced, skip, take, listOrdered(db, [{ price: "desc" }, { id: "desc" }]));
      break;
  }
  return { items, total, page: input.page, pageSize: take, pageCount: Math.max(1, Math.ceil(total / take)) };
}

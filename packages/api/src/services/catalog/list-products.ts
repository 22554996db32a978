import type { Db, Prisma } from "@jewelguide/db";
import { z } from "zod";
import { buildProductWhere, ProductFiltersSchema } from "./product-filters";
import { type ProductCard, productCardSelect } from "./product-selectors";

export const PRODUCT_SORTS = ["newest", "price-asc", "price-desc", "popularity"] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export const ListProductsInputSchema = z.object({
  filters: ProductFiltersSchema.default({}),
  sort: z.enum(PRODUCT_SORTS).default("newest"),
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

const orderBys: Record<Exclude<ProductSort, "popularity">, Prisma.ProductOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  "price-asc": [{ price: "asc" }, { id: "asc" }],
  "price-desc": [{ price: "desc" }, { id: "desc" }],
};

/** One page of products matching the filters, in the requested order, with the total for pagination. */
export async function listProducts(db: Db, input: ListProductsInput): Promise<ProductPage> {
  const where = buildProductWhere(input.filters);
  const skip = (input.page - 1) * input.pageSize;
  const total = await db.product.count({ where });
  const items =
    input.sort === "popularity"
      ? await listByPopularity(db, where, skip, input.pageSize)
      : await db.product.findMany({
          where,
          orderBy: orderBys[input.sort],
          skip,
          take: input.pageSize,
          select: productCardSelect,
        });
  return {
    items,
    total,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}

/**
 * Popularity = number of purchase events. Products with purchases come first (most purchased first, ties by id), then
 * the never-purchased ones, newest first. The purchase ranking is aggregated by the database, so this stays one code
 * path for SQLite and PostgreSQL.
 */
async function listByPopularity(db: Db, where: Prisma.ProductWhereInput, skip: number, take: number) {
  const ranked = await db.interaction.groupBy({
    by: ["productId"],
    where: { type: "purchase", product: { is: where } },
    _count: { productId: true },
    orderBy: [{ _count: { productId: "desc" } }, { productId: "asc" }],
  });
  const pageIds = ranked.slice(skip, skip + take).map((row) => row.productId);
  const purchased = pageIds.length
    ? await db.product.findMany({ where: { id: { in: pageIds } }, select: productCardSelect })
    : [];
  const byId = new Map(purchased.map((product) => [product.id, product]));
  const items = pageIds.flatMap((id) => byId.get(id) ?? []);
  const remaining = take - items.length;
  if (remaining <= 0) return items;
  const rest = await db.product.findMany({
    where: { AND: [where, { interactions: { none: { type: "purchase" } } }] },
    orderBy: orderBys.newest,
    skip: Math.max(0, skip - ranked.length),
    take: remaining,
    select: productCardSelect,
  });
  return [...items, ...rest];
}

import type { Db, Prisma } from "@jewelguide/db";
import { type ProductCard, productCardSelect } from "./product-selectors";

export const newestFirst: Prisma.ProductOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

/**
 * A window of the products matching `where`, most purchased first. Popularity = number of purchase events. Products
 * with purchases come first (most purchased first, ties by id), then the never-purchased ones, newest first. The
 * ranking is aggregated by the database, so this stays one code path for SQLite and PostgreSQL.
 */
export async function listByPopularity(
  db: Db,
  where: Prisma.ProductWhereInput,
  skip: number,
  take: number,
): Promise<ProductCard[]> {
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
    orderBy: newestFirst,
    skip: Math.max(0, skip - ranked.length),
    take: remaining,
    select: productCardSelect,
  });
  return [...items, ...rest];
}

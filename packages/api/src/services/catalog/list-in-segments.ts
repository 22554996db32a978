import type { Db, Prisma } from "@jewelguide/db";
import type { ProductCard } from "./product-selectors";

export type ListSegment = (where: Prisma.ProductWhereInput, skip: number, take: number) => Promise<ProductCard[]>;

/**
 * Pages through disjoint segments one after the other (e.g. "with a photo" before "without"), each listed in its own
 * order: only the segments overlapping the window [skip, skip + take) are queried.
 */
export async function listInSegments(
  db: Db,
  segments: Prisma.ProductWhereInput[],
  skip: number,
  take: number,
  listSegment: ListSegment,
): Promise<ProductCard[]> {
  const counts = await Promise.all(segments.map((where) => db.product.count({ where })));
  const items: ProductCard[] = [];
  let offset = 0;
  for (const [index, where] of segments.entries()) {
    const count = counts[index] ?? 0;
    const start = Math.max(skip + items.length, offset);
    const end = Math.min(skip + take, offset + count);
    if (start < end) items.push(...(await listSegment(where, start - offset, end - start)));
    offset += count;
    if (items.length >= take) break;
  }
  return items;
}

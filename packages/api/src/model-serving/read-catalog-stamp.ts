import type { Db } from "@jewelguide/db";

/**
 * A cheap fingerprint of the catalog (product count, latest update, purchase count): when it changes, the product cache
 * is stale. Two aggregate queries, run at most once per check interval, never per request.
 */
export async function readCatalogStamp(db: Db): Promise<string> {
  const [products, purchases] = await Promise.all([
    db.product.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.interaction.count({ where: { type: "purchase" } }),
  ]);
  return `${products._count._all}:${products._max.updatedAt?.getTime() ?? 0}:${purchases}`;
}

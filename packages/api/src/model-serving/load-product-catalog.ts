import {
  type CatalogProductRow,
  listCatalogProducts,
  listPurchaseLines,
  type PurchaseLineRow,
  type SqlReader,
} from "@jewelguide/db";
import type { CachedProduct, CatalogStamp, ProductCatalog } from "./product-catalog";
import { readCatalogStamp } from "./read-catalog-stamp";

/**
 * Reads every product's display and filter fields plus its purchase count and co-purchases into an in-memory
 * snapshot. Two prepared statements on the driver (listCatalogProducts, listPurchaseLines): every web process runs this
 * at start and whenever the products change, on its event loop, where every request in flight waits for it.
 */
export async function loadProductCatalog(sql: SqlReader, stampReadBefore?: CatalogStamp): Promise<ProductCatalog> {
  // The stamp is read before the data (a change in between shows at the next check, not never); a caller that just
  // read it passes it in.
  const stamp = stampReadBefore ?? (await readCatalogStamp(sql));
  const rows = await listCatalogProducts(sql);
  const purchases = await listPurchaseLines(sql);
  const now = Date.now();
  return buildCatalog(rows, purchases, stamp, now, now);
}

/**
 * The same catalog with its purchase counts and co-purchases re-read (the products as they were): what a logged
 * purchase changes. Only the purchases statement runs.
 */
export async function refreshPurchases(
  sql: SqlReader,
  catalog: ProductCatalog,
  stamp: CatalogStamp,
): Promise<ProductCatalog> {
  const purchases = await listPurchaseLines(sql);
  return buildCatalog(
    catalog.products,
    purchases,
    { ...catalog.stamp, purchases: stamp.purchases },
    catalog.loadedAt,
    Date.now(),
  );
}

function buildCatalog(
  rows: readonly CatalogProductRow[],
  purchaseRows: readonly PurchaseLineRow[],
  stamp: CatalogStamp,
  loadedAt: number,
  purchasesAt: number,
): ProductCatalog {
  const counts = new Map<number, number>();
  for (const row of purchaseRows) counts.set(row.productId, (counts.get(row.productId) ?? 0) + 1);
  const products = rows.map((row) => toCachedProduct(row, counts.get(row.id) ?? 0));
  return {
    products,
    bySku: new Map(products.map((product) => [product.sku, product])),
    byId: new Map(products.map((product) => [product.id, product])),
    boughtTogether: countCoPurchases(purchaseRows),
    stamp,
    loadedAt,
    purchasesAt,
  };
}

/**
 * A plain object literal with one fixed shape. Spreading the query's rows (`{ ...row }`) gives objects V8 keeps in
 * dictionary mode, about ten times slower to walk (BENCHMARKS.md §4, "Design measurements"), and the guide, feed and
 * similar procedures walk them on every request. (`catalog.products` is re-used as rows when only the
 * purchases are re-read: a CachedProduct is a CatalogProductRow plus its count.)
 */
function toCachedProduct(row: CatalogProductRow, purchases: number): CachedProduct {
  return {
    id: row.id,
    sku: row.sku,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    category: row.category,
    metal: row.metal,
    gem: row.gem,
    gender: row.gender,
    price: row.price,
    currency: row.currency,
    imageUrl: row.imageUrl,
    inStock: row.inStock,
    purchases,
  };
}

/** Pairs of distinct products in the same order, counted once per order. */
function countCoPurchases(
  lines: ReadonlyArray<PurchaseLineRow>,
): Map<number, Array<{ productId: number; orders: number }>> {
  const orders = new Map<string, Set<number>>();
  for (const line of lines) {
    if (line.orderId === null) continue;
    const products = orders.get(line.orderId) ?? new Set<number>();
    products.add(line.productId);
    orders.set(line.orderId, products);
  }
  const pairs = new Map<number, Map<number, number>>();
  for (const products of orders.values()) {
    if (products.size < 2) continue;
    for (const a of products) {
      const row = pairs.get(a) ?? new Map<number, number>();
      for (const b of products) if (b !== a) row.set(b, (row.get(b) ?? 0) + 1);
      pairs.set(a, row);
    }
  }
  const result = new Map<number, Array<{ productId: number; orders: number }>>();
  for (const [productId, row] of pairs) {
    result.set(
      productId,
      [...row.entries()]
        .map(([other, count]) => ({ productId: other, orders: count }))
        .sort((x, y) => y.orders - x.orders || x.productId - y.productId),
    );
  }
  return result;
}

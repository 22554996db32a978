import type { CatalogProductRow } from "@jewelguide/db";

/**
 * One product as scoring and display need it, held in memory so ranking never reads the database per item: the row
 * the catalog query reads plus its purchase count.
 */
export type CachedProduct = CatalogProductRow & {
  /** Stored purchase events of this product (all shoppers): the "popular" signal in explanations. */
  purchases: number;
};

/** The per-process product cache: one immutable snapshot, replaced whole when the catalog changes. */
export type ProductCatalog = {
  products: readonly CachedProduct[];
  bySku: ReadonlyMap<string, CachedProduct>;
  byId: ReadonlyMap<number, CachedProduct>;
  /**
   * Co-purchases: for each product id, the other products bought in the same orders (stored purchases sharing an
   * orderId) with the number of shared orders, most shared first.
   */
  boughtTogether: ReadonlyMap<number, ReadonlyArray<{ productId: number; orders: number }>>;
  /** What the catalog looked like when read (see readCatalogStamp): a different stamp means stale. */
  stamp: CatalogStamp;
  /** When the products were read. */
  loadedAt: number;
  /** When the purchases (counts, bought-together) were read: at load, or at a later purchase refresh. */
  purchasesAt: number;
};

/** Fingerprints of the two halves of the cache: the products, and the purchases. */
export type CatalogStamp = { products: string; purchases: string };

import type { SqlReader } from "../sql-reader";
import { toBoolean } from "./parse-driver-values";

/** A product's display and filter fields, as the serving cache keeps them. */
export type CatalogProductRow = {
  id: number;
  sku: string;
  titleZh: string;
  titleEn: string;
  category: string;
  metal: string | null;
  gem: string | null;
  gender: string | null;
  /** In the catalog currency (USD for the demo shop); 0 means "price on request". */
  price: number;
  currency: string;
  imageUrl: string | null;
  inStock: boolean;
};

const PRODUCTS_SQL = `
  SELECT "id", "sku", "titleZh", "titleEn", "category", "metal", "gem", "gender", "price", "currency", "imageUrl",
    "inStock"
  FROM "Product" ORDER BY "id"`;

type DriverProductRow = Omit<CatalogProductRow, "inStock"> & { inStock: boolean | number };

/**
 * Every product, by id. One prepared statement on the driver: every web process reads the whole catalog at start and
 * whenever a product changes, on its event loop, where Prisma's query builder was many times slower (BENCHMARKS.md §4).
 * Each row is a fresh object literal of one fixed shape (see the serving cache's toCachedProduct).
 */
export async function listCatalogProducts(sql: SqlReader): Promise<CatalogProductRow[]> {
  const rows = await sql.all<DriverProductRow>(PRODUCTS_SQL, []);
  return rows.map((row) => ({
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
    inStock: toBoolean(row.inStock),
  }));
}

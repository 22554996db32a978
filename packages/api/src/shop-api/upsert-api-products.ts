import type { Db, Prisma } from "@jewelguide/db";
import { readProductAttributes } from "./read-product-attributes";
import { type ApiProductRow, ApiProductRowSchema, type ProductBatchResult, type RowError } from "./shop-api-schemas";
import { validateBatchRows } from "./validate-batch-rows";

/** The stored columns a row may set, as Prisma names them. */
const FIELDS = [
  "titleEn",
  "titleZh",
  "description",
  "category",
  "metal",
  "gem",
  "color",
  "gender",
  "price",
  "currency",
  "brand",
  "imageUrl",
  "inStock",
  "attributes",
] as const;
type Field = (typeof FIELDS)[number];
type StoredProduct = { sku: string } & { [K in Field]: unknown };

/**
 * Creates or updates products by SKU from a shop backend's batch. Rows are checked one by one (schema: the catalog
 * importer's columns and limits; a SKU repeated in the batch is refused after its first row), reported by index and
 * field; category, metal, gem, colour and gender are read through the guide's lexicon as `import catalog` reads them
 * (a value it does not know is kept in attributes and reported as a warning, the row written); the good rows are
 * written in one transaction. An update sets only the fields the row names and leaves a
 * product whose fields already equal the row untouched (so a re-sent batch changes nothing and does not bump
 * `updatedAt`, which would make the serving processes reload the catalog). New products have `source = "catalog"`,
 * like `import catalog`; they are recommended once the next training run featurizes them.
 */
export async function upsertApiProducts(db: Db, rows: readonly unknown[]): Promise<ProductBatchResult> {
  const { valid, errors } = validateBatchRows(rows, ApiProductRowSchema);
  const firstIndexOfSku = new Map<string, number>();
  const unique: Array<{ index: number; row: ApiProductRow }> = [];
  for (const entry of valid) {
    const first = firstIndexOfSku.get(entry.row.sku);
    if (first !== undefined) {
      errors.push({ index: entry.index, field: "sku", message: `SKU already in this batch at index ${first}` });
      continue;
    }
    firstIndexOfSku.set(entry.row.sku, entry.index);
    unique.push(entry);
  }
  errors.sort((a, b) => a.index - b.index);
  const stored =
    unique.length === 0
      ? []
      : await db.product.findMany({
          where: { sku: { in: unique.map(({ row }) => row.sku) } },
          select: { sku: true, ...Object.fromEntries(FIELDS.map((field) => [field, true])) },
        });
  const bySku = new Map((stored as StoredProduct[]).map((product) => [product.sku, product]));
  const writes: Prisma.PrismaPromise<unknown>[] = [];
  const warnings: RowError[] = [];
  let created = 0;
  let updated = 0;
  for (const { index, row } of unique) {
    const existing = bySku.get(row.sku);
    const fields = storedFields(row, existing);
    for (const warning of fields.warnings) warnings.push({ index, ...warning });
    if (!existing) {
      created++;
      writes.push(
        db.product.create({
          data: {
            ...fields.data,
            category: fields.data.category ?? "other",
            titleZh: row.titleZh ?? row.titleEn,
            sku: row.sku,
            source: "catalog",
          },
        }),
      );
      continue;
    }
    const changes = Object.fromEntries(
      Object.entries(fields.data).filter(([field, value]) => !sameValue(existing[field as Field], value)),
    );
    if (Object.keys(changes).length === 0) continue;
    updated++;
    writes.push(db.product.update({ where: { sku: row.sku }, data: changes }));
  }
  if (writes.length > 0) await db.$transaction(writes);
  return {
    received: rows.length,
    created,
    updated,
    unchanged: unique.length - created - updated,
    errors,
    warnings,
  };
}

type ProductData = Omit<ApiProductRow, "sku" | "attributes" | "category"> & {
  category?: string;
  attributes?: Record<string, string | number | boolean>;
};

/**
 * The columns a row sets (undefined = leave as stored), under their stored names: the lexicon columns as the lexicon
 * reads them (readProductAttributes), and the values it did not entirely know merged into the attributes (the row's,
 * or else the stored ones).
 */
function storedFields(row: ApiProductRow, existing: StoredProduct | undefined) {
  const { sku: _sku, ...given } = row;
  const lexicon = readProductAttributes(row);
  const data = Object.fromEntries(
    Object.entries({ ...given, ...lexicon.values }).filter(([, value]) => value !== undefined),
  ) as ProductData;
  if (Object.keys(lexicon.kept).length > 0) {
    const base = row.attributes ?? (existing?.attributes as Record<string, string | number | boolean> | undefined);
    data.attributes = { ...base, ...lexicon.kept };
  }
  return { data, warnings: lexicon.warnings };
}

/** Equal as stored: scalars by value, attribute objects by their sorted entries. */
function sameValue(stored: unknown, given: unknown): boolean {
  if (typeof given !== "object" || given === null) return stored === given;
  return canonicalJson(stored) === canonicalJson(given);
}

function canonicalJson(value: unknown): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  return JSON.stringify(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

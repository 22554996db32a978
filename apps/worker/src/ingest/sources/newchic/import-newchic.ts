import type { ImportContext } from "../../import-context";
import type { Input } from "../../read/open-input";
import { readTable } from "../../read/read-table";
import { tableSchemaOf } from "../../read-row";
import type { ProductInput } from "../../store/product-input";
import { formatSyncCounts } from "../../store/sync-counts";
import { syncProductsInBatches } from "../../store/sync-products-in-batches";
import { deriveTitles } from "../derive-titles";
import { genderOfSubcategory, mapSubcategory, readFrenchName } from "./map-subcategory";
import { type NewchicRow, NewchicRowSchema, parseNewchicRow } from "./parse-newchic-row";

/**
 * Imports the Newchic catalog: one product per id (an id listed under several subcategories is one product that
 * keeps its first row and lists every subcategory), then written in batches.
 */
export async function importNewchic(context: ImportContext, input: Input): Promise<void> {
  const byId = new Map<string, { row: NewchicRow; subcategories: string[] }>();
  let duplicates = 0;
  const progress = context.progress("newchic", input);
  for await (const record of readTable(input, tableSchemaOf(NewchicRowSchema))) {
    context.stats.rowsRead += 1;
    progress.tick(context.stats.rowsRead);
    const parsed =
      record.problems.length > 0
        ? { ok: false as const, problems: record.problems }
        : parseNewchicRow(record, input.name);
    if (!parsed.ok) {
      context.problems.reject(parsed.problems, record.raw);
      continue;
    }
    const seen = byId.get(parsed.row.id);
    if (seen) {
      duplicates += 1;
      if (!seen.subcategories.includes(parsed.row.subcategory)) seen.subcategories.push(parsed.row.subcategory);
      continue;
    }
    byId.set(parsed.row.id, { row: parsed.row, subcategories: [parsed.row.subcategory] });
  }
  context.stats.fileHash = input.fileHash();
  const products = [...byId.values()].map(({ row, subcategories }) => mapNewchicProduct(row, subcategories));
  const counts = await syncProductsInBatches(context, products);
  context.stats.rowsImported = counts.created + counts.updated;
  context.stats.rowsUnchanged = counts.unchanged + duplicates;
  context.stats.counts = { products: products.length, ...counts, duplicateIds: duplicates };
  context.stats.summary = [
    `products: ${products.length} (${formatSyncCounts(counts)})`,
    `rows repeating an id (merged): ${duplicates}`,
  ];
}

function mapNewchicProduct(row: NewchicRow, subcategories: string[]): ProductInput {
  const category = mapSubcategory(row.subcategory);
  const { metal, gem } = readFrenchName(row.name);
  const titles = deriveTitles({ category, metal, gem });
  return {
    sku: `newchic-${row.id}`,
    titleEn: row.brand ? `${row.brand} ${titles.titleEn.toLowerCase()}` : titles.titleEn,
    titleZh: row.brand ? `${row.brand} ${titles.titleZh}` : titles.titleZh,
    description: row.name,
    category,
    metal,
    gem,
    color: row.color,
    gender: genderOfSubcategory(row.subcategory),
    price: row.price,
    currency: "USD",
    brand: row.brand,
    imageUrl: row.imageUrl,
    inStock: true,
    source: "newchic",
    attributes: {
      nameFr: row.name,
      subcategories,
      likesCount: row.likes,
      rawPrice: row.rawPrice,
      discountPercent: row.discount,
      isNew: row.isNew,
      url: row.url,
      model: row.model,
    },
  };
}

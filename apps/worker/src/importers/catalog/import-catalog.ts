import path from "node:path";
import type { ImportContext } from "../../import/import-context";
import type { Problem } from "../../import/problem";
import { streamRows } from "../../import/stream-rows";
import type { Input } from "../../io/open-input";
import { addSyncCounts, emptySyncCounts, formatSyncCounts } from "../../store/sync-counts";
import { syncProducts } from "../../store/sync-products";
import { CATALOG_SCHEMA } from "./catalog-columns";
import { type CatalogRow, parseCatalogRow } from "./parse-catalog-row";
import { resolveImage } from "./resolve-image";

/** Imports a shop's own catalog (CSV or JSONL): products upserted by sku. */
export async function importCatalog(context: ImportContext, input: Input, mediaDir: string): Promise<void> {
  const fileDir = path.dirname(input.path);
  const counts = emptySyncCounts();
  const { duplicates } = await streamRows<CatalogRow>(context, input, {
    schema: CATALOG_SCHEMA,
    keyColumn: "sku",
    parse: parseCatalogRow,
    async check(_tx, batch) {
      return batch.map((row): Problem[] => {
        if (row.value.image === undefined) return [];
        const resolved = resolveImage(row.value.image, fileDir, mediaDir);
        if (resolved.ok) {
          row.value.product.imageUrl = resolved.imageUrl;
          return [];
        }
        return [{ file: input.name, line: row.line, column: "image", message: resolved.message }];
      });
    },
    async write(tx, batch) {
      return addSyncCounts(
        counts,
        await syncProducts(
          tx,
          batch.map((row) => row.value.product),
        ),
      );
    },
  });
  context.stats.counts = { products: counts, duplicatesCollapsed: duplicates };
  context.stats.summary = [`products: ${formatSyncCounts(counts)}`, `duplicate rows collapsed: ${duplicates}`];
}

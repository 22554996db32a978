import path from "node:path";
import type { ImportContext } from "../../import-context";
import type { Problem } from "../../problem";
import type { Input } from "../../read/open-input";
import { tableSchemaOf } from "../../read-row";
import { addSyncCounts, emptySyncCounts, formatSyncCounts } from "../../store/sync-counts";
import { syncProducts } from "../../store/sync-products";
import { streamRows } from "../../stream-rows";
import { MediaBatch } from "../media/media-batch";
import { CatalogRowSchema } from "./catalog-columns";
import { type CatalogRow, parseCatalogRow } from "./parse-catalog-row";
import { resolveImage } from "./resolve-image";

/**
 * Imports a shop's own catalog (CSV or JSONL): products upserted by sku. Each batch's photos are copied into the
 * media folder while it is checked and removed again when its transaction does not commit.
 */
export async function importCatalog(context: ImportContext, input: Input, mediaDir: string): Promise<void> {
  const fileDir = path.dirname(input.path);
  const counts = emptySyncCounts();
  const media = new MediaBatch(mediaDir);
  const { duplicates } = await streamRows<CatalogRow>(context, input, {
    schema: tableSchemaOf(CatalogRowSchema),
    keyColumn: "sku",
    parse: parseCatalogRow,
    async check(_tx, batch) {
      return batch.map((row): Problem[] => {
        if (row.value.image === undefined) return [];
        const resolved = resolveImage(row.value.image, fileDir, media);
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
    settle(committed) {
      if (committed) media.commit();
      else media.rollback();
    },
  });
  context.stats.counts = { products: counts, duplicatesCollapsed: duplicates };
  context.stats.summary = [`products: ${formatSyncCounts(counts)}`, `duplicate rows collapsed: ${duplicates}`];
}

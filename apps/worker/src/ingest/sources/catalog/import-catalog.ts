import path from "node:path";
import type { ImportContext } from "../../import-context";
import type { Problem } from "../../problem";
import type { Input } from "../../read/open-input";
import { readCurrencyMark } from "../../read-price";
import { tableSchemaOf } from "../../read-row";
import { addSyncCounts, emptySyncCounts, formatSyncCounts } from "../../store/sync-counts";
import { syncProducts } from "../../store/sync-products";
import { streamRows } from "../../stream-rows";
import { MediaBatch } from "../media/media-batch";
import { CatalogRowSchema } from "./catalog-columns";
import type { CatalogPreset } from "./catalog-presets";
import type { ColumnMapping, UnknownColumns } from "./column-mapping";
import { type CatalogRow, parseCatalogRow } from "./parse-catalog-row";
import { resolveImage } from "./resolve-image";

/** How a shop's own export is read: its column names, its layout, and what happens to columns the catalog lacks. */
export type CatalogLayout = {
  /** File column → catalog column (`--map`, `--map-file`), over the preset's. */
  mapping?: ColumnMapping;
  preset?: CatalogPreset;
  unknownColumns?: UnknownColumns;
};

/**
 * Imports a shop's own catalog (CSV or JSONL): products upserted by sku. Each batch's photos are copied into the
 * media folder while it is checked and removed again when its transaction does not commit. Columns are renamed by
 * the layout's mapping; columns that are no catalog column are kept in attributes (listed once in the summary) or
 * ignored with one warning listing them.
 */
export async function importCatalog(
  context: ImportContext,
  input: Input,
  mediaDir: string,
  layout: CatalogLayout = {},
): Promise<void> {
  const fileDir = path.dirname(input.path);
  const counts = emptySyncCounts();
  const media = new MediaBatch(mediaDir);
  const mapping: ColumnMapping = { ...layout.preset?.columns, ...layout.mapping };
  const priceSource = Object.keys(mapping).find((source) => mapping[source] === "price");
  const defaultCurrency = priceSource === undefined ? undefined : readCurrencyMark(priceSource);
  const unknown = new Set<string>();
  const rowOptions = {
    unknownColumns: layout.unknownColumns,
    ...(defaultCurrency ? { defaultCurrency } : {}),
    onUnknownColumn: (name: string) => unknown.add(name),
  };
  const { duplicates, merged } = await streamRows<CatalogRow>(context, input, {
    schema: {
      ...tableSchemaOf(CatalogRowSchema, { allowUnknown: true }),
      renameColumn: (name) => mapping[name] ?? name,
    },
    ...(layout.preset?.createPrepare ? { prepare: layout.preset.createPrepare() } : {}),
    keyColumn: "sku",
    parse: (record, file) => parseCatalogRow(record, file, rowOptions),
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
  const unknownList = [...unknown].join(", ");
  if (unknown.size > 0 && layout.unknownColumns === "ignore") {
    context.problems.warn({
      file: input.name,
      line: 1,
      column: "",
      message: `columns not imported (--unknown-columns ignore): ${unknownList}`,
    });
  }
  context.stats.counts = {
    products: counts,
    duplicatesCollapsed: duplicates,
    ...(merged > 0 ? { rowsMerged: merged } : {}),
  };
  context.stats.summary = [`products: ${formatSyncCounts(counts)}`, `duplicate rows collapsed: ${duplicates}`];
  if (merged > 0) context.stats.summary.push(`rows merged into the product before them: ${merged}`);
  if (unknown.size > 0 && layout.unknownColumns !== "ignore") {
    context.stats.summary.push(`columns kept in attributes: ${unknownList}`);
  }
}

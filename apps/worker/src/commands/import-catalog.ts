import path from "node:path";
import { defineCommand } from "../cli/command";
import { UsageError } from "../cli/usage-error";
import { IMPORT_FLAGS } from "../ingest/import-options";
import { openInput } from "../ingest/read/open-input";
import { runImportCommand } from "../ingest/run-import-command";
import { CATALOG_PRESETS } from "../ingest/sources/catalog/catalog-presets";
import { parseMapFlag, readMapFile } from "../ingest/sources/catalog/column-mapping";
import { type CatalogLayout, importCatalog } from "../ingest/sources/catalog/import-catalog";
import { FILE_IMPORT_HELP } from "./file-import-help";

export const importCatalogCommand = defineCommand({
  name: "import catalog",
  summary: "Import a shop's own product catalog (CSV or JSONL), upserted by sku.",
  help: `Required columns: sku, category, price. Optional: title_zh, title_en (derived when empty), description,
metal, gem, color, gender, tags, currency (default USD, or the price's mark: ¥1,299.00, 1299元), brand, image
(http(s) URL, or a path relative to the file: copied into $JEWELGUIDE_DATA_DIR/media/catalog/), in_stock,
created_at, attributes (JSON object). category, metal, gem, color and gender are read by the guide's lexicon
(yellow gold, 18K, 925 sterling silver, 铂金, diamonds…); a value it does not know is kept in attributes with a
warning. A shop's own export is read as it is with --map / --map-file / --preset; its other columns are kept in
attributes (or ignored with one warning: --unknown-columns ignore).
${FILE_IMPORT_HELP}`,
  flags: {
    file: { type: "string", valueName: "PATH", description: "The catalog file (required)." },
    map: {
      type: "string",
      valueName: "COL=column,…",
      description: "Reads the file's columns as catalog columns: --map ref=sku,categorie=category,title=title_en.",
    },
    "map-file": {
      type: "string",
      valueName: "PATH",
      description: 'The same as a JSON object, for any column name: {"商品编号": "sku", "价格(元)": "price"}.',
    },
    preset: {
      type: "string",
      valueName: "NAME",
      description: `A known export layout: ${Object.keys(CATALOG_PRESETS).join(", ")} (--map entries override it).`,
    },
    "unknown-columns": {
      type: "string",
      valueName: "keep|ignore",
      description: "keep (default): other columns go into attributes. ignore: dropped, with one warning listing them.",
    },
    ...IMPORT_FLAGS,
  },
  async run(context) {
    if (!context.flags.file) throw new UsageError("import catalog: --file is required");
    const layout = readCatalogLayout(context.flags);
    const input = openInput(context.flags.file);
    const mediaDir = path.join(context.env.dataDir, "media");
    return runImportCommand(context, {
      source: "catalog",
      file: input.path,
      body: (importContext) => importCatalog(importContext, input, mediaDir, layout),
    });
  },
});

function readCatalogLayout(flags: {
  map?: string | undefined;
  "map-file"?: string | undefined;
  preset?: string | undefined;
  "unknown-columns"?: string | undefined;
}): CatalogLayout {
  const unknownColumns = flags["unknown-columns"] ?? "keep";
  if (unknownColumns !== "keep" && unknownColumns !== "ignore") {
    throw new UsageError(`--unknown-columns must be keep or ignore, not "${unknownColumns}"`);
  }
  const preset = flags.preset === undefined ? undefined : CATALOG_PRESETS[flags.preset];
  if (flags.preset !== undefined && !preset) {
    throw new UsageError(`--preset must be one of ${Object.keys(CATALOG_PRESETS).join(", ")}, not "${flags.preset}"`);
  }
  const mapping = {
    ...(flags["map-file"] === undefined ? {} : readMapFile(flags["map-file"])),
    ...(flags.map === undefined ? {} : parseMapFlag(flags.map)),
  };
  return { mapping, unknownColumns, ...(preset ? { preset } : {}) };
}

import path from "node:path";
import { defineCommand } from "../cli/command";
import { UsageError } from "../cli/usage-error";
import { IMPORT_FLAGS } from "../ingest/import-options";
import { openInput } from "../ingest/read/open-input";
import { runImportCommand } from "../ingest/run-import-command";
import { importCatalog } from "../ingest/sources/catalog/import-catalog";
import { FILE_IMPORT_HELP } from "./file-import-help";

export const importCatalogCommand = defineCommand({
  name: "import catalog",
  summary: "Import a shop's own product catalog (CSV or JSONL), upserted by sku.",
  help: `Required columns: sku, category, price. Optional: title_zh, title_en (derived when empty), description,
metal, gem, color, gender, currency (default USD), brand, image (http(s) URL, or a path relative to the file:
copied into $JEWELGUIDE_DATA_DIR/media/catalog/), in_stock, created_at, attributes (JSON object).
${FILE_IMPORT_HELP}`,
  flags: { file: { type: "string", valueName: "PATH", description: "The catalog file (required)." }, ...IMPORT_FLAGS },
  async run(context) {
    if (!context.flags.file) throw new UsageError("import catalog: --file is required");
    const input = openInput(context.flags.file);
    const mediaDir = path.join(context.env.dataDir, "media");
    return runImportCommand(context, {
      source: "catalog",
      file: input.path,
      body: (importContext) => importCatalog(importContext, input, mediaDir),
    });
  },
});

import { defineCommand } from "../cli/command";
import { UsageError } from "../cli/usage-error";
import { IMPORT_FLAGS } from "../ingest/import-options";
import { openInput } from "../ingest/read/open-input";
import { runImportCommand } from "../ingest/run-import-command";
import { importEvents } from "../ingest/sources/events/import-events";
import { FILE_IMPORT_HELP } from "./file-import-help";

export const importEventsCommand = defineCommand({
  name: "import events",
  summary: "Import shopper events (views, clicks, carts, purchases…) for products already in the catalog.",
  help: `Required columns: user_id, sku, type (impression|view|click|favorite|cart|purchase), occurred_at (ISO 8601).
Optional: event_id (idempotency key; a hash of the row when absent), source (default "import"), order_id, price,
quantity (default 1). An unknown sku rejects the row; unknown users are created.
${FILE_IMPORT_HELP}`,
  flags: { file: { type: "string", valueName: "PATH", description: "The events file (required)." }, ...IMPORT_FLAGS },
  async run(context) {
    if (!context.flags.file) throw new UsageError("import events: --file is required");
    const input = openInput(context.flags.file);
    return runImportCommand(context, {
      source: "events",
      file: input.path,
      body: (importContext) => importEvents(importContext, input),
    });
  },
});

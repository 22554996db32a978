import path from "node:path";
import { defineCommand } from "../cli/command";
import { IMPORT_FLAGS } from "../ingest/import-options";
import { openInput } from "../ingest/read/open-input";
import { runImportCommand } from "../ingest/run-import-command";
import { importRees46 } from "../ingest/sources/rees46/import-rees46";

export function defaultRees46File(sharedDir: string): string {
  return path.join(sharedDir, "data", "rees46-jewelry-purchases", "jewelry_normalized.csv.xz");
}

export const importRees46Command = defineCommand({
  name: "import rees46",
  summary: "Import the REES46 jewelry purchases (users, products, purchase events).",
  help: `Reads the normalized file (header row) or the raw headerless jewelry_raw.csv.gz (leading empty line; rows of
11 fields get empty category_id and category_alias). .gz and .xz are decompressed as a stream.
Each row is one purchase; exact duplicate rows collapse to one event (idempotency key = hash of the row), and
importing the same file again changes nothing. Products and purchases are written after the whole file was
validated, in batches of --batch-size rows, each batch in one transaction.
Stops (exit 1) on: a wrong first line (neither the header nor a data row), a truncated or corrupt .gz/.xz stream,
the first bad row with --on-error stop (nothing is written), more than --max-errors bad rows (nothing is written).
See docs/data-formats.md.`,
  flags: {
    file: {
      type: "string",
      valueName: "PATH",
      description: "Default: $JEWELGUIDE_SHARED_DIR/data/rees46-jewelry-purchases/jewelry_normalized.csv.xz",
    },
    ...IMPORT_FLAGS,
  },
  async run(context) {
    const input = openInput(context.flags.file ?? defaultRees46File(context.env.sharedDir));
    return runImportCommand(context, {
      source: "rees46",
      file: input.path,
      body: (importContext) => importRees46(importContext, input),
    });
  },
});

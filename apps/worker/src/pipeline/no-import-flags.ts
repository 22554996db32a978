import type { FlagValues } from "../cli/command";
import type { IMPORT_FLAGS } from "../ingest/import-options";

/**
 * The import flags when none is given (the importers' defaults, progress on), for imports that a pipeline step or a
 * benchmark makes. Typed against IMPORT_FLAGS, so a new import flag fails to compile until it is listed here.
 */
export const NO_IMPORT_FLAGS: FlagValues<typeof IMPORT_FLAGS> = {
  "on-error": undefined,
  "max-errors": undefined,
  rejects: undefined,
  "batch-size": undefined,
  quiet: false,
};

/**
 * What other workspace packages import data with (`@jewelguide/worker/ingest`): the REES46 benchmark imports the
 * REES46 file into a database of its own, the feature benchmark reads the labelled photo set's tables.
 */
export { defaultRees46File } from "../commands/import-rees46";
export { NO_IMPORT_FLAGS } from "../pipeline/no-import-flags";
export { openInput } from "./read/open-input";
export { readTable } from "./read/read-table";
export { runImportCommand } from "./run-import-command";
export { importRees46 } from "./sources/rees46/import-rees46";

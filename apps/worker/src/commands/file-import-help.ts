/** Help text shared by the generic file importers (catalog, events, users). */
export const FILE_IMPORT_HELP = `The file is CSV with a header row (.csv) or JSON Lines (.jsonl), optionally compressed (.gz, .xz).
Every row is validated; a bad row is reported as file:line: column name: message and written to the rejects file.
Rows are written in batches of --batch-size, each batch in one transaction; re-importing a file changes nothing.
A row repeated with identical content is collapsed; the same key with different content is rejected, naming the
first line. Stops (exit 1) on: a wrong CSV header (a missing required column; for users and events also an unknown
one), a truncated or corrupt .gz/.xz stream, the first bad row with --on-error stop, more than --max-errors bad
rows. Batches already written stay written; the batch being collected is dropped. Column reference:
docs/data-formats.md.`;

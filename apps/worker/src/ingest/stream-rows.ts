import { FileKeyIndex } from "./file-key-index";
import type { ImportContext } from "./import-context";
import type { Problem } from "./problem";
import type { Input } from "./read/open-input";
import { readTable, type TableRecord, type TableSchema } from "./read/read-table";
import { type Tx, writeBatch } from "./write-batch";

export type Staged<T> = { line: number; raw: string; value: T };

export type ParsedValue<T> =
  | { ok: true; value: T; key: string; fingerprint: string; warnings?: Problem[] }
  | { ok: false; problems: Problem[] };

export type RowImporter<T> = {
  schema: TableSchema;
  /**
   * Turns a record read from the file into the record parsed, or undefined for a row that only adds to rows before it
   * (a Shopify image row); such rows are counted as merged, neither imported nor rejected.
   */
  prepare?(record: TableRecord): TableRecord | undefined;
  /** The name of the key column, for duplicate reports ("sku", "event_id"). */
  keyColumn: string;
  parse(record: TableRecord, file: string): ParsedValue<T>;
  /** Checks a batch against the database before writing (e.g. unknown skus); returns problems per row. */
  check?(tx: Tx, batch: Staged<T>[]): Promise<Problem[][]>;
  /** Writes the accepted rows of a batch inside its transaction; returns how many changed something. */
  write(tx: Tx, batch: Staged<T>[]): Promise<{ imported: number; unchanged: number }>;
  /**
   * Called once per batch after its transaction: `true` when it committed, `false` when it was rolled back (a failed
   * write, or the import stopped inside the batch), so side effects outside the database (copied photos) follow it.
   */
  settle?(committed: boolean): void;
};

/**
 * The streaming pipeline of the generic importers: read → validate → de-duplicate within the file → batch →
 * check against the database → write, each batch in one transaction. A row repeated with the same content is
 * collapsed; the same key with different content is rejected, naming the first line.
 */
export async function streamRows<T>(
  context: ImportContext,
  input: Input,
  importer: RowImporter<T>,
): Promise<{ duplicates: number; merged: number }> {
  const seen = new FileKeyIndex();
  const progress = context.progress("importing", input);
  let pending: Staged<T>[] = [];
  let duplicates = 0;
  let merged = 0;
  const flush = async () => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const result = await writeBatch(context.db, async (tx) => {
      const problems = importer.check ? await importer.check(tx, batch) : [];
      const accepted = batch.filter((row, index) => {
        const rowProblems = problems[index] ?? [];
        if (rowProblems.length === 0) return true;
        // Throws (rolling the transaction back) with --on-error stop or past --max-errors.
        context.problems.reject(rowProblems, row.raw);
        return false;
      });
      return importer.write(tx, accepted);
    }).catch((error: unknown) => {
      importer.settle?.(false);
      throw error;
    });
    importer.settle?.(true);
    context.stats.rowsImported += result.imported;
    context.stats.rowsUnchanged += result.unchanged;
  };
  for await (const read of readTable(input, importer.schema)) {
    context.stats.rowsRead += 1;
    progress.tick(context.stats.rowsRead);
    const record = read.problems.length === 0 && importer.prepare ? importer.prepare(read) : read;
    if (!record) {
      merged += 1;
      continue;
    }
    if (record.problems.length > 0) {
      context.problems.reject(record.problems, record.raw);
      continue;
    }
    const parsed = importer.parse(record, input.name);
    if (!parsed.ok) {
      context.problems.reject(parsed.problems, record.raw);
      continue;
    }
    const first = seen.firstSeen(parsed.key, parsed.fingerprint, record.line);
    if (first) {
      if (first.sameContent) {
        duplicates += 1;
        context.stats.rowsUnchanged += 1;
        continue;
      }
      const message = `duplicate ${importer.keyColumn} ${JSON.stringify(parsed.key)}: line ${first.line} already has it with different data`;
      context.problems.reject(
        [{ file: input.name, line: record.line, column: importer.keyColumn, message }],
        record.raw,
      );
      continue;
    }
    for (const warning of parsed.warnings ?? []) context.problems.warn(warning);
    pending.push({ line: record.line, raw: record.raw, value: parsed.value });
    if (pending.length >= context.options.batchSize) await flush();
  }
  await flush();
  context.stats.fileHash = input.fileHash();
  progress.done();
  return { duplicates, merged };
}

import type { ImportContext } from "../../import-context";
import { StopImport } from "../../problem";
import type { Input } from "../../read/open-input";
import { type CsvRecord, readCsv } from "../../read/read-csv";
import { REES46_COLUMNS } from "./columns";
import { parseRees46Row, type Rees46Row } from "./parse-row";

/** Everything the write phase needs, gathered in one pass over the file. */
export type Rees46Data = {
  format: "normalized" | "raw";
  /** Unique rows by content hash (first occurrence). */
  interactions: Map<string, Rees46Row>;
  duplicates: number;
  /** Each product's latest purchase (by order time, then line). */
  latestByProduct: Map<string, Rees46Row>;
  aliasesByProduct: Map<string, Map<string, number>>;
  aliasesByCategoryId: Map<string, Map<string, number>>;
  users: Set<string>;
};

/**
 * Reads the normalized file (header row) or the raw one (no header, leading empty line, 11-field rows), validating
 * every row. Bad rows go to the problem log; the header decides the format.
 */
export async function readRees46(context: ImportContext, input: Input): Promise<Rees46Data> {
  const data: Rees46Data = {
    format: "raw",
    interactions: new Map(),
    duplicates: 0,
    latestByProduct: new Map(),
    aliasesByProduct: new Map(),
    aliasesByCategoryId: new Map(),
    users: new Set(),
  };
  const progress = context.progress("reading", input);
  let first = true;
  for await (const record of readCsv(input)) {
    if (first) {
      first = false;
      if (isHeader(input.name, record)) {
        data.format = "normalized";
        continue;
      }
    }
    context.stats.rowsRead += 1;
    progress.tick(context.stats.rowsRead);
    const parsed = parseRees46Row(input.name, record);
    if (!parsed.ok) {
      context.problems.reject(parsed.problems, record.raw);
      continue;
    }
    addRow(data, parsed.row);
  }
  progress.done();
  return data;
}

/** true for the exact header; false for a data row; stops the import for any other first line. */
function isHeader(file: string, record: CsvRecord): boolean {
  const first = record.fields[0]?.trim() ?? "";
  if (/^\d{4}-\d{2}-\d{2}/.test(first)) return false;
  const header = record.fields.map((field) => field.trim());
  const expected = REES46_COLUMNS.join(",");
  if (!record.problem && header.join(",") === expected) return true;
  const missing = REES46_COLUMNS.filter((column) => !header.includes(column));
  const message =
    missing.length > 0 && header.length > 0 && header.some((name) => REES46_COLUMNS.includes(name as never))
      ? `header lacks column(s) ${missing.join(", ")}; expected: ${expected}`
      : `the first line is neither the header (${expected}) nor a data row starting with a date`;
  throw new StopImport({ file, line: record.line, column: "", message }, "wrong header");
}

function addRow(data: Rees46Data, row: Rees46Row): void {
  if (data.interactions.has(row.key)) data.duplicates += 1;
  else data.interactions.set(row.key, row);
  data.users.add(row.userId);
  const latest = data.latestByProduct.get(row.productId);
  if (!latest || row.orderedAt.getTime() >= latest.orderedAt.getTime()) data.latestByProduct.set(row.productId, row);
  if (row.categoryAlias !== null) {
    count(data.aliasesByProduct, row.productId, row.categoryAlias);
    if (row.categoryId !== null) count(data.aliasesByCategoryId, row.categoryId, row.categoryAlias);
  }
}

function count(map: Map<string, Map<string, number>>, key: string, value: string): void {
  let counts = map.get(key);
  if (!counts) {
    counts = new Map();
    map.set(key, counts);
  }
  counts.set(value, (counts.get(value) ?? 0) + 1);
}

import readline from "node:readline";
import { Readable } from "node:stream";
import { type Problem, StopImport } from "../problem";
import { checkUtf8Lines } from "./check-utf8-lines";
import type { Input } from "./open-input";
import { readCsv } from "./read-csv";

/** One data row of a CSV (header row) or JSONL file, with values by column name. */
export type TableRecord = {
  line: number;
  raw: string;
  /** CSV: strings ("" for empty). JSONL: the parsed JSON values. */
  values: Record<string, unknown>;
  /** Problems that make the row unreadable as a whole (column "" or the offending key). */
  problems: Problem[];
};

export type TableSchema = {
  required: readonly string[];
  optional: readonly string[];
  /** Accept and ignore columns not listed (default: a CSV header with unknown columns stops the import). */
  allowUnknown?: boolean;
  /** The name a file's column is read under (a shop's `ref` as `sku`); checks and values use the renamed names. */
  renameColumn?: (name: string) => string;
};

/** Reads a CSV with a header row, or JSONL (one object per line), chosen by the file extension. */
export function readTable(input: Input, schema: TableSchema): AsyncGenerator<TableRecord> {
  if (input.format === ".jsonl" || input.format === ".ndjson") return readJsonl(input, schema);
  if (input.format === ".csv") return readCsvTable(input, schema);
  throw new StopImport(
    {
      file: input.name,
      line: 0,
      column: "",
      message: `unknown file type "${input.format}": use .csv or .jsonl (optionally .gz or .xz)`,
    },
    "unsupported file",
  );
}

async function* readCsvTable(input: Input, schema: TableSchema): AsyncGenerator<TableRecord> {
  let header: string[] | undefined;
  for await (const record of readCsv(input)) {
    if (!header) {
      header = checkHeader(input.name, record.line, record.fields, record.problem, schema);
      continue;
    }
    const problems: Problem[] = [];
    if (record.problem) problems.push({ file: input.name, line: record.line, column: "", message: record.problem });
    else if (record.fields.length !== header.length) {
      problems.push({
        file: input.name,
        line: record.line,
        column: "",
        message: `expected ${header.length} fields as in the header, found ${record.fields.length}`,
      });
    }
    const values: Record<string, unknown> = {};
    header.forEach((name, index) => {
      values[name] = record.fields[index] ?? "";
    });
    yield { line: record.line, raw: record.raw, values, problems };
  }
  if (!header) {
    throw new StopImport(
      { file: input.name, line: 1, column: "", message: "the file is empty (no header row)" },
      "wrong header",
    );
  }
}

function checkHeader(
  file: string,
  line: number,
  fields: string[],
  problem: string | undefined,
  schema: TableSchema,
): string[] {
  const stop = (message: string) => new StopImport({ file, line, column: "", message }, "wrong header");
  if (problem) throw stop(problem);
  const rename = schema.renameColumn ?? ((name: string) => name);
  const header = fields.map((field) => rename(field.trim()));
  const known = new Set([...schema.required, ...schema.optional]);
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw stop(`column "${name}" appears twice in the header (after --map, if given)`);
    seen.add(name);
    if (!schema.allowUnknown && !known.has(name)) {
      throw stop(`unknown column "${name}" in the header; known columns: ${[...known].join(", ")}`);
    }
  }
  const missing = schema.required.filter((name) => !seen.has(name));
  if (missing.length > 0) throw stop(`missing required column(s) ${missing.join(", ")} in the header`);
  return header;
}

async function* readJsonl(input: Input, schema: TableSchema): AsyncGenerator<TableRecord> {
  const known = new Set([...schema.required, ...schema.optional]);
  const bytes = checkUtf8Lines(input);
  const source = Readable.from(bytes.chunks);
  let lineNumber = 0;
  for await (const text of readline.createInterface({ input: source, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber += 1;
    if (text.trim() === "") continue;
    const line = lineNumber;
    const problems: Problem[] = [];
    const at = (column: string, message: string) => problems.push({ file: input.name, line, column, message });
    let values: Record<string, unknown> = {};
    const encodingError = bytes.encodingError(line);
    if (encodingError) at("", encodingError);
    else {
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) at("", "expected a JSON object");
        else
          values = schema.renameColumn
            ? renameKeys(parsed as Record<string, unknown>, schema.renameColumn)
            : (parsed as Record<string, unknown>);
      } catch (error) {
        at("", `not valid JSON (${error instanceof Error ? error.message : String(error)}; truncated line?)`);
      }
    }
    if (problems.length === 0) {
      for (const key of Object.keys(values)) {
        if (!schema.allowUnknown && !known.has(key)) at(key, `unknown field; known fields: ${[...known].join(", ")}`);
      }
    }
    yield { line, raw: text, values, problems };
  }
}

/** The object with its keys renamed; a key renamed onto one already present loses to the one named so in the file. */
function renameKeys(values: Record<string, unknown>, rename: (name: string) => string): Record<string, unknown> {
  const renamed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const name = rename(key);
    if (name === key || !(name in values)) renamed[name] = value;
  }
  return renamed;
}

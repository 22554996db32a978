import { Readable } from "node:stream";
import { CsvError, type Info, type Options, parse } from "csv-parse";
import { type CheckedBytes, checkUtf8Lines } from "./check-utf8-lines";
import type { Input } from "./open-input";

/** One CSV record: may span several physical lines when a quoted field holds line breaks. */
export type CsvRecord = {
  /** Physical line where the record starts. */
  line: number;
  fields: string[];
  /** The record's text as in the file, without its line break. */
  raw: string;
  /** A problem that makes the whole record unreadable (bad encoding, unterminated quote). */
  problem?: string;
};

/**
 * RFC 4180 as csv-parse reads it: comma separator, "" escapes, quoted fields may span lines, `\n` or `\r\n` line
 * ends, blank lines skipped. Quotes are relaxed (a stray `"` inside a field is kept as text), and the field count is
 * left to the caller, so one bad row never stops the stream; only a quote left open at the end of the file does,
 * and that last record comes back with its problem.
 */
const OPTIONS: Options = {
  relax_quotes: true,
  relax_column_count: true,
  skip_empty_lines: true,
  record_delimiter: ["\r\n", "\n"],
  info: true,
  raw: true,
};

type ParsedRecord = { record: string[]; info: Info; raw: string };

export async function* readCsv(input: Input): AsyncGenerator<CsvRecord> {
  const bytes = checkUtf8Lines(input);
  const source = Readable.from(bytes.chunks);
  const parser = parse(OPTIONS);
  source.once("error", (error) => parser.destroy(error));
  source.pipe(parser);
  // csv-parse counts a \r\n inside a quoted field as two lines; this is how far ahead its count has run.
  let overcount = 0;
  try {
    for await (const { record, info, raw } of parser as AsyncIterable<ParsedRecord>) {
      let breaks = 0;
      for (const field of record) {
        if (!field.includes("\n")) continue;
        breaks += count(field, "\n");
        overcount += count(field, "\r\n");
      }
      yield toCsvRecord(bytes, record, info.lines - overcount - breaks, info.lines - overcount, raw);
    }
  } catch (error) {
    if (!(error instanceof CsvError) || error.code !== "CSV_QUOTE_NOT_CLOSED") throw error;
    const raw = trimLineBreaks(String(error.raw ?? ""));
    const line = (error.lines as number) - overcount - count(raw, "\r\n") - count(raw, "\n");
    yield {
      line,
      fields: [],
      raw,
      problem: `the file ends inside a quoted field that starts on line ${line} (truncated file or a missing closing quote)`,
    };
  } finally {
    source.destroy();
  }
}

/** A record from physical `line` to `endLine`, with the first of its lines that is not UTF-8 as its problem. */
function toCsvRecord(bytes: CheckedBytes, fields: string[], line: number, endLine: number, raw: string): CsvRecord {
  const record: CsvRecord = { line, fields, raw: trimLineBreaks(raw) };
  for (let physical = line; physical <= endLine; physical += 1) {
    const problem = bytes.encodingError(physical);
    if (problem) {
      record.problem = physical === line ? problem : `line ${physical}: ${problem}`;
      break;
    }
  }
  return record;
}

/** csv-parse's raw text carries the blank lines skipped before a record and pieces of the line breaks around it. */
function trimLineBreaks(raw: string): string {
  return raw.replace(/^[\r\n]+/, "").replace(/[\r\n]+$/, "");
}

function count(text: string, part: string): number {
  let found = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + part.length)) found += 1;
  return found;
}

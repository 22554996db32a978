import { Readable } from "node:stream";
import { CsvError, type Options, parse } from "csv-parse";
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
  raw: true,
};

type ParsedRecord = { record: string[]; raw: string };

export async function* readCsv(input: Input): AsyncGenerator<CsvRecord> {
  const bytes = checkUtf8Lines(input);
  const source = Readable.from(bytes.chunks);
  const parser = parse(OPTIONS);
  source.once("error", (error) => parser.destroy(error));
  source.pipe(parser);
  let linesBefore = 0;
  try {
    for await (const { record, raw } of parser as AsyncIterable<ParsedRecord>) {
      const located = locate(raw, linesBefore);
      linesBefore = located.linesAfter;
      yield toCsvRecord(bytes, record, located);
    }
  } catch (error) {
    if (!(error instanceof CsvError) || error.code !== "CSV_QUOTE_NOT_CLOSED") throw error;
    const located = locate(String(error.raw ?? ""), linesBefore);
    yield {
      line: located.line,
      fields: [],
      raw: located.text,
      problem: `the file ends inside a quoted field that starts on line ${located.line} (truncated file or a missing closing quote)`,
    };
  } finally {
    source.destroy();
  }
}

type Located = { line: number; endLine: number; linesAfter: number; text: string };

/**
 * Places a record by its raw text, which is cheaper than csv-parse's per-record `info` object. The raw text holds
 * the blank lines skipped before the record and its own line break, each as one character (`\r` of a `\r\n`, or
 * `\n`), and line breaks inside quoted fields as they are; so a break is a `\n`, a `\r` or a `\r\n`.
 */
function locate(raw: string, linesBefore: number): Located {
  let from = 0;
  while (from < raw.length && isBreak(raw.charCodeAt(from))) from += 1;
  let to = raw.length;
  while (to > from && isBreak(raw.charCodeAt(to - 1))) to -= 1;
  const line = linesBefore + countBreaks(raw, 0, from) + 1;
  const endLine = line + countBreaks(raw, from, to);
  return { line, endLine, linesAfter: endLine - 1 + countBreaks(raw, to, raw.length), text: raw.slice(from, to) };
}

/** A record from physical `line` to `endLine`, with the first of its lines that is not UTF-8 as its problem. */
function toCsvRecord(bytes: CheckedBytes, fields: string[], located: Located): CsvRecord {
  const record: CsvRecord = { line: located.line, fields, raw: located.text };
  for (let physical = located.line; physical <= located.endLine; physical += 1) {
    const problem = bytes.encodingError(physical);
    if (problem) {
      record.problem = physical === located.line ? problem : `line ${physical}: ${problem}`;
      break;
    }
  }
  return record;
}

const NEWLINE = 10;
const RETURN = 13;

function isBreak(code: number): boolean {
  return code === NEWLINE || code === RETURN;
}

/** Line breaks in `text` between `from` and `to`: every `\n` or `\r`, a `\r\n` counting once. */
function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let at = text.indexOf("\n", from); at !== -1 && at < to; at = text.indexOf("\n", at + 1)) breaks += 1;
  for (let at = text.indexOf("\r", from); at !== -1 && at < to; at = text.indexOf("\r", at + 1)) {
    if (text.charCodeAt(at + 1) !== NEWLINE) breaks += 1;
  }
  return breaks;
}

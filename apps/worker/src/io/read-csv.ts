import type { Line } from "./read-lines";

/** One CSV record: may span several physical lines when a quoted field holds line breaks. */
export type CsvRecord = {
  /** Physical line where the record starts. */
  line: number;
  fields: string[];
  /** The record's text as in the file (lines joined with \n). */
  raw: string;
  /** A problem that makes the whole record unreadable (bad encoding, unterminated quote). */
  problem?: string;
};

/** RFC 4180 CSV: comma separator, "" escapes, quoted fields may span lines. Blank lines are skipped. */
export async function* readCsv(lines: AsyncIterable<Line>): AsyncGenerator<CsvRecord> {
  let open: { line: number; fields: string[]; field: string; rawLines: string[]; encodingError?: string } | undefined;
  for await (const line of lines) {
    if (open) {
      open.rawLines.push(line.text);
      open.encodingError ??= line.encodingError && `line ${line.line}: ${line.encodingError}`;
      const state = parseInto(line.text, open.fields, `${open.field}\n`, true);
      if (state.inQuotes) {
        open.field = state.field;
        continue;
      }
      const record: CsvRecord = { line: open.line, fields: open.fields, raw: open.rawLines.join("\n") };
      if (open.encodingError) record.problem = open.encodingError;
      open = undefined;
      yield record;
      continue;
    }
    if (line.text === "") continue;
    if (!line.text.includes('"')) {
      const record: CsvRecord = { line: line.line, fields: line.text.split(","), raw: line.text };
      if (line.encodingError) record.problem = line.encodingError;
      yield record;
      continue;
    }
    const fields: string[] = [];
    const state = parseInto(line.text, fields, "", false);
    if (state.inQuotes) {
      open = { line: line.line, fields, field: state.field, rawLines: [line.text], encodingError: line.encodingError };
      continue;
    }
    const record: CsvRecord = { line: line.line, fields, raw: line.text };
    if (line.encodingError) record.problem = line.encodingError;
    yield record;
  }
  if (open) {
    yield {
      line: open.line,
      fields: open.fields,
      raw: open.rawLines.join("\n"),
      problem: `the file ends inside a quoted field that starts on line ${open.line} (truncated file or a missing closing quote)`,
    };
  }
}

/**
 * Parses `text` and appends complete fields to `fields`. `carry` is the partial field from the previous line.
 * Returns whether the line ended inside quotes, with the partial field.
 */
function parseInto(
  text: string,
  fields: string[],
  carry: string,
  startInQuotes: boolean,
): { inQuotes: boolean; field: string } {
  let field = carry;
  let inQuotes = startInQuotes;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else field += char;
    } else if (char === '"') inQuotes = true;
    else if (char === ",") {
      fields.push(field);
      field = "";
    } else field += char;
    i += 1;
  }
  if (!inQuotes) fields.push(field);
  return { inQuotes, field };
}

import { isUtf8 } from "node:buffer";
import { StopImport } from "../problem";
import type { Input } from "./open-input";
import { CompressedStreamError } from "./open-input";

/** The decompressed bytes of an input, passed on in whole lines, with the lines that are not valid UTF-8. */
export type CheckedBytes = {
  /** The bytes after a leading BOM, cut at line breaks (the last piece may lack one). */
  chunks: AsyncGenerator<Buffer>;
  /** The problem of a 1-based physical line that is not valid UTF-8, known once its bytes left `chunks`. */
  encodingError(line: number): string | undefined;
};

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const lossy = new TextDecoder("utf-8", { fatal: false });

/**
 * Checks the bytes of `input` as UTF-8 a whole chunk at a time (native `isUtf8`) and only line by line in a chunk
 * that fails, so a Latin-1 line rejects its own row, naming the line, while the parsers read the bytes unchanged.
 */
export function checkUtf8Lines(input: Input): CheckedBytes {
  const errors = new Map<number, string>();
  return { chunks: checkChunks(input, errors), encodingError: (line) => errors.get(line) };
}

async function* checkChunks(input: Input, errors: Map<number, string>): AsyncGenerator<Buffer> {
  let pending: Buffer = Buffer.alloc(0);
  let lines = 0;
  let atStart = true;
  try {
    for await (const chunk of input.chunks) {
      let buffer = pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([pending, chunk]);
      if (atStart) {
        pending = buffer;
        if (buffer.length < 3) continue;
        atStart = false;
        if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) buffer = buffer.subarray(3);
      }
      const end = buffer.lastIndexOf(NEWLINE) + 1;
      pending = buffer.subarray(end);
      if (end === 0) continue;
      const whole = buffer.subarray(0, end);
      lines = checkLines(whole, lines, errors);
      yield whole;
    }
  } catch (error) {
    if (error instanceof CompressedStreamError) {
      const problem = { file: input.name, line: lines + 1, column: "", message: error.message };
      throw new StopImport(problem, "unreadable compressed file");
    }
    throw error;
  }
  if (pending.length > 0) {
    checkLines(pending, lines, errors);
    yield pending;
  }
}

/** Records the lines of `bytes` that are not valid UTF-8; returns the number of lines read after them. */
function checkLines(bytes: Buffer, linesBefore: number, errors: Map<number, string>): number {
  let line = linesBefore;
  if (isUtf8(bytes)) {
    for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) line += 1;
    return line;
  }
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline === -1 ? bytes.length : newline;
    line += 1;
    const body = bytes.subarray(start, end > start && bytes[end - 1] === CARRIAGE_RETURN ? end - 1 : end);
    if (!isUtf8(body)) errors.set(line, describeEncodingError(body));
    start = end + 1;
  }
  return line;
}

function describeEncodingError(body: Buffer): string {
  const at = lossy.decode(body).indexOf("\uFFFD");
  return `invalid UTF-8 at character ${at + 1} (is the file Latin-1 or Windows-1252? save it as UTF-8)`;
}

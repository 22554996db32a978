import { StopImport } from "../import/problem";
import type { Input } from "./open-input";
import { CompressedStreamError } from "./open-input";

/** One physical line, decoded as UTF-8, without its line break. */
export type Line = {
  /** 1-based physical line number. */
  line: number;
  text: string;
  /** Set when the bytes are not valid UTF-8 (text then holds U+FFFD replacements). */
  encodingError?: string;
};

const NEWLINE = 10;
const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
const lossy = new TextDecoder("utf-8", { fatal: false });

/** Splits the decompressed bytes into lines, checking each line's UTF-8 with a fatal TextDecoder. */
export async function* readLines(input: Input): AsyncGenerator<Line> {
  let pending: Buffer = Buffer.alloc(0);
  let lineNumber = 0;
  try {
    for await (const chunk of input.chunks) {
      let buffer = pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([pending, chunk]);
      let start = 0;
      let end = buffer.indexOf(NEWLINE, start);
      while (end !== -1) {
        lineNumber += 1;
        yield decodeLine(buffer.subarray(start, end), lineNumber);
        start = end + 1;
        end = buffer.indexOf(NEWLINE, start);
      }
      buffer = buffer.subarray(start);
      pending = Buffer.from(buffer);
    }
  } catch (error) {
    if (error instanceof CompressedStreamError) {
      const problem = { file: input.name, line: lineNumber + 1, column: "", message: error.message };
      throw new StopImport(problem, "unreadable compressed file");
    }
    throw error;
  }
  if (pending.length > 0) yield decodeLine(pending, lineNumber + 1);
}

function decodeLine(bytes: Buffer, line: number): Line {
  const body = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.subarray(0, bytes.length - 1) : bytes;
  try {
    // The decoder drops a leading BOM on each call; only line 1 can carry a meaningful one.
    return { line, text: strict.decode(body) };
  } catch {
    const text = lossy.decode(body);
    const at = text.indexOf("\uFFFD");
    return {
      line,
      text,
      encodingError: `invalid UTF-8 at character ${at + 1} (is the file Latin-1 or Windows-1252? save it as UTF-8)`,
    };
  }
}

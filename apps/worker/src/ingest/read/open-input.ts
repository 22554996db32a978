import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import xz from "xz-decompress";
import { UsageError } from "../../cli/usage-error";

/** A file opened for streaming: decompressed by its extension (.gz, .xz), with the bytes read so far and a hash. */
export type Input = {
  path: string;
  /** The file name used in problem reports. */
  name: string;
  /** Extension after removing .gz/.xz, e.g. ".csv" or ".jsonl". */
  format: string;
  compression: "none" | "gzip" | "xz";
  totalBytes: number;
  /** Bytes of the (compressed) file consumed so far, for progress. */
  bytesRead(): number;
  /** sha256 of the file bytes read so far (the whole file once `chunks` is exhausted). */
  fileHash(): string;
  chunks: AsyncIterable<Uint8Array>;
};

/** Thrown when the compressed stream ends early or is not valid gzip/xz. */
export class CompressedStreamError extends Error {
  override name = "CompressedStreamError";
}

export function openInput(filePath: string): Input {
  const absolute = path.resolve(filePath);
  if (!fs.existsSync(absolute)) throw new UsageError(`file not found: ${absolute}`);
  const stat = fs.statSync(absolute);
  if (!stat.isFile()) throw new UsageError(`not a file: ${absolute}`);
  const lower = absolute.toLowerCase();
  const compression = lower.endsWith(".gz") ? "gzip" : lower.endsWith(".xz") ? "xz" : "none";
  const inner = compression === "none" ? absolute : absolute.slice(0, -3);
  let read = 0;
  const hash = crypto.createHash("sha256");
  const createRaw = () => {
    const raw = fs.createReadStream(absolute, { highWaterMark: 256 * 1024 });
    raw.on("data", (chunk) => {
      read += chunk.length;
      hash.update(chunk);
    });
    return raw;
  };
  let digest: string | undefined;
  return {
    path: absolute,
    name: path.basename(absolute),
    format: path.extname(inner).toLowerCase(),
    compression,
    totalBytes: stat.size,
    bytesRead: () => read,
    fileHash: () => {
      digest ??= hash.copy().digest("hex");
      return digest;
    },
    chunks: decompress(createRaw, compression),
  };
}

async function* decompress(
  createRaw: () => fs.ReadStream,
  compression: "none" | "gzip" | "xz",
): AsyncGenerator<Uint8Array> {
  if (compression === "none") {
    yield* createRaw();
    return;
  }
  try {
    if (compression === "gzip") {
      yield* createRaw().pipe(zlib.createGunzip());
      return;
    }
    const web = Readable.toWeb(createRaw()) as ReadableStream<Uint8Array>;
    yield* new xz.XzReadableStream(web);
  } catch (error) {
    throw new CompressedStreamError(describeCompressionError(compression, error));
  }
}

function describeCompressionError(compression: "gzip" | "xz", error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (compression === "gzip") {
    if (/unexpected end/i.test(message)) return "the gzip stream ends early (truncated file)";
    return `the gzip stream is corrupt or not gzip (${message})`;
  }
  const code = /error code (\d+)/.exec(message)?.[1];
  // xz-embedded: 5 FORMAT_ERROR, 6 OPTIONS_ERROR, 7 DATA_ERROR, 8 BUF_ERROR (input ended early).
  if (code === "8") return "the xz stream ends early (truncated file)";
  if (code === "5") return "not an xz file (bad magic bytes)";
  return `the xz stream is corrupt (${message})`;
}

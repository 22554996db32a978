import fs from "node:fs";
import path from "node:path";
import { describeContent, detectImageFormat, type ImageFormat } from "@jewelguide/model";
import { quoteValue } from "../../quote-value";

/** The largest photo an importer copies into the media folder (docs/data-formats.md). */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export type ImageFile = { ok: true; bytes: Buffer; format: ImageFormat; realPath: string };
export type ImageFileProblem = { ok: false; message: string };

/**
 * Reads a photo named by a path relative to `baseDir` (the catalog file's folder, the photo set's folder), refusing
 * anything an import must never publish: an absolute path, a path or a symlink that leads out of the folder
 * (checked after resolving every symlink), something that is not a regular file, an empty file, a file over
 * MAX_IMAGE_BYTES, and bytes that are not JPEG, PNG or WebP whatever the file's extension. Nothing outside the
 * folder is opened.
 */
export function readImageFile(reference: string, baseDir: string): ImageFile | ImageFileProblem {
  const fail = (why: string): ImageFileProblem => ({ ok: false, message: `${quoteValue(reference)}: ${why}` });
  if (reference.includes("\0")) return fail("contains a NUL character");
  if (path.isAbsolute(reference)) return fail("an absolute path; give a path relative to the file's folder");
  const base = realDirectory(baseDir);
  const lexical = path.resolve(base, reference);
  if (!isInside(base, lexical)) return fail("leads outside the file's folder");
  let realPath: string;
  try {
    realPath = fs.realpathSync(lexical);
  } catch {
    return fail("image file not found");
  }
  if (!isInside(base, realPath)) return fail("is a link that leads outside the file's folder");
  const read = readCapped(realPath);
  if ("problem" in read) return fail(read.problem);
  const format = detectImageFormat(read.bytes);
  if (!format) return fail(`is not a JPEG, PNG or WebP image by its content (${describeContent(read.bytes)})`);
  return { ok: true, bytes: read.bytes, format, realPath };
}

function realDirectory(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== "" && !relative.startsWith(`..${path.sep}`) && relative !== ".." && !path.isAbsolute(relative);
}

/** Reads at most MAX_IMAGE_BYTES + 1 bytes of a regular file (procfs files report size 0, so the cap is enforced on read). */
function readCapped(file: string): { bytes: Buffer } | { problem: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    return { problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { problem: "is not a regular file" };
    if (stat.size > MAX_IMAGE_BYTES) return { problem: tooBig(`is ${stat.size.toLocaleString("en-US")} bytes`) };
    let buffer = Buffer.allocUnsafe(Math.min(MAX_IMAGE_BYTES + 1, Math.max(stat.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > MAX_IMAGE_BYTES) return { problem: tooBig("grows past the limit while read") };
        const larger = Buffer.allocUnsafe(Math.min(MAX_IMAGE_BYTES + 1, buffer.length * 2));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > MAX_IMAGE_BYTES) return { problem: tooBig("grows past the limit while read") };
    if (length === 0) return { problem: "is empty" };
    return { bytes: Buffer.from(buffer.subarray(0, length)) };
  } finally {
    fs.closeSync(fd);
  }
}

function tooBig(what: string): string {
  return `${what}; at most ${MAX_IMAGE_BYTES.toLocaleString("en-US")} bytes (10 MiB) allowed`;
}

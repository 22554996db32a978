import fs from "node:fs";
import path from "node:path";
import {
  detectImageFormat,
  IMAGE_CONTENT_TYPES,
  IMAGE_SNIFF_BYTES,
  type ImageContentType,
} from "@jewelguide/model/image-format";
import { resolveMediaPath } from "./resolve-media-path";

export type MediaFile = {
  ok: true;
  /** Open for reading; the caller streams from it and closes it. */
  handle: fs.promises.FileHandle;
  size: number;
  mtimeMs: number;
  contentType: ImageContentType;
};
export type MediaRefusal = { ok: false; status: 400 | 404 };

/**
 * Opens the photo `/media/<segments>` names, or says why not: 400 for a path that tries to leave the media folder,
 * 404 for anything missing, not a regular file, reached through a symlink that leads out of the folder (checked on
 * the real path), or whose bytes are not JPEG, PNG or WebP. The type is read from the same open file that is then
 * streamed, so a file swapped between check and send cannot change what is sent.
 */
export async function openMediaFile(mediaRoot: string, segments: readonly string[]): Promise<MediaFile | MediaRefusal> {
  const lexical = resolveMediaPath(mediaRoot, segments);
  if (!lexical) return { ok: false, status: 400 };
  const root = await fs.promises.realpath(mediaRoot).catch(() => null);
  const real = await fs.promises.realpath(lexical).catch(() => null);
  if (!root || !real || !isInside(root, real)) return { ok: false, status: 404 };
  const handle = await fs.promises.open(real, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK).catch(() => null);
  if (!handle) return { ok: false, status: 404 };
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Refused();
    const head = Buffer.alloc(IMAGE_SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, IMAGE_SNIFF_BYTES, 0);
    const format = detectImageFormat(head.subarray(0, bytesRead));
    if (!format) throw new Refused();
    return { ok: true, handle, size: stat.size, mtimeMs: stat.mtimeMs, contentType: IMAGE_CONTENT_TYPES[format] };
  } catch (error) {
    await handle.close();
    if (error instanceof Refused) return { ok: false, status: 404 };
    throw error;
  }
}

class Refused extends Error {}

function isInside(dir: string, file: string): boolean {
  return file.startsWith(dir + path.sep);
}

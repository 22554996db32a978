import crypto from "node:crypto";
import path from "node:path";
import { IMAGE_EXTENSIONS } from "@jewelguide/model";
import { quoteValue } from "../../quote-value";
import { checkImageUrl } from "../media/check-image-url";
import type { MediaBatch } from "../media/media-batch";
import { readImageFile } from "../media/read-image-file";

export type ImageResolution = { ok: true; imageUrl: string } | { ok: false; message: string };

const NAME_CHARACTERS = 80;

/**
 * The `image` of a catalog row. An http(s) URL is stored as it is (never fetched). Anything else must be a path
 * relative to the catalog file that stays inside the file's folder (symlinks resolved) and names a JPEG, PNG or WebP
 * of at most 10 MB by its bytes; it is copied through `media` to `catalog/<content hash>-<name>` (content-addressed:
 * a name is never reused for other bytes, so placing it never changes a photo other rows show) and served as
 * `/media/catalog/<content hash>-<name>`.
 */
export function resolveImage(image: string, fileDir: string, media: MediaBatch): ImageResolution {
  if (/^https?:/i.test(image)) {
    const problem = checkImageUrl(image);
    return problem === undefined ? { ok: true, imageUrl: image } : { ok: false, message: problem };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(image)) {
    return { ok: false, message: `${quoteValue(image)}: only http(s) URLs or paths relative to the file` };
  }
  const file = readImageFile(image, fileDir);
  if (!file.ok) return file;
  const hash = crypto.createHash("sha256").update(file.bytes).digest("hex").slice(0, 12);
  const name = `${hash}-${mediaName(path.basename(image), IMAGE_EXTENSIONS[file.format])}`;
  media.place(path.join("catalog", name), file.bytes);
  return { ok: true, imageUrl: `/media/catalog/${name}` };
}

/** A safe file name: the original's characters outside [A-Za-z0-9._-] become "_", with the format's extension. */
function mediaName(original: string, extensions: readonly string[]): string {
  const safe = original
    .replace(/[^\w.-]+/g, "_")
    .replace(/^\.+/, "")
    .slice(-NAME_CHARACTERS);
  const extension = path.extname(safe).toLowerCase();
  return extensions.includes(extension) ? safe : `${safe}${extensions[0]}`;
}

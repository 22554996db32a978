import path from "node:path";
import type { MediaBatch } from "../media/media-batch";
import { readImageFile } from "../media/read-image-file";
import type { Photo } from "./read-photo-set";
import { PHOTO_SET_NAME } from "./read-photo-set";

/** The URL the web app serves a photo of the set under (/media/* → $JEWELGUIDE_DATA_DIR/media/*). */
export function photoUrl(photo: Photo): string {
  return `/media/${photoMediaPath(photo)}`;
}

/** Where a photo of the set lives inside the media folder. */
export function photoMediaPath(photo: Photo): string {
  return `${PHOTO_SET_NAME}/images/${photo.name}`;
}

/**
 * Copies the photos into <media>/jewellery-images-5class/images/ through `media` (so a failed batch can undo it),
 * leaving files that already hold the same bytes. Each photo is read and checked again (inside the set folder,
 * JPEG/PNG/WebP, ≤ 10 MB): a file changed since the set was read stops the import.
 */
export function copyPhotos(
  photos: readonly Photo[],
  setDir: string,
  media: MediaBatch,
): { copied: number; present: number } {
  let copied = 0;
  for (const photo of photos) {
    const image = readImageFile(photo.file, setDir);
    if (!image.ok) throw new Error(`photo ${path.join(setDir, photo.file)} changed while importing: ${image.message}`);
    if (media.place(photoMediaPath(photo), image.bytes) !== "present") copied += 1;
  }
  return { copied, present: photos.length - copied };
}

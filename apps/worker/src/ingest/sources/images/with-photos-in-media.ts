import path from "node:path";
import type { ImportContext } from "../../import-context";
import { chunk } from "../../write-batch";
import { MediaBatch } from "../media/media-batch";
import { copyPhotos, photoMediaPath } from "./copy-photos";
import type { Photo } from "./read-photo-set";

/**
 * Copies the photo set into the media folder for an import that illustrates its products with it (the demo), then
 * runs that import. When the import fails, the copies are undone except the photos that products it already stored
 * point at (their batches committed), so a failed run leaves no unreferenced photo behind.
 */
export async function withPhotosInMedia(
  context: ImportContext,
  photos: readonly Photo[],
  setDir: string,
  dataDir: string,
  body: (copy: { copied: number; present: number }) => Promise<void>,
): Promise<void> {
  const media = new MediaBatch(path.join(dataDir, "media"));
  try {
    await body(copyPhotos(photos, setDir, media));
  } catch (error) {
    const referenced = await findReferencedPaths(context, photos);
    media.rollback((relativePath) => referenced.has(relativePath));
    throw error;
  }
  media.commit();
}

async function findReferencedPaths(context: ImportContext, photos: readonly Photo[]): Promise<Set<string>> {
  const referenced = new Set<string>();
  for (const part of chunk(photos, 500)) {
    const rows = await context.db.product.findMany({
      where: { imageUrl: { in: part.map((photo) => `/media/${photoMediaPath(photo)}`) } },
      select: { imageUrl: true },
    });
    for (const row of rows) if (row.imageUrl) referenced.add(row.imageUrl.slice("/media/".length));
  }
  return referenced;
}

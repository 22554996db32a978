import type { ImportContext } from "../../import/import-context";
import { chunk, writeBatch } from "../../import/write-batch";
import { type SyncCounts, syncProducts } from "../../store/sync-products";
import { copyPhotos } from "./copy-photos";
import { mapPhotoProduct } from "./map-photo-product";
import { readPhotoSet } from "./read-photo-set";

/** Imports the photo set as catalog products (sku img-<stem>) and copies the photos into the media folder. */
export async function importImages(context: ImportContext, dir: string, dataDir: string): Promise<void> {
  const photos = await readPhotoSet(context, dir);
  const progress = context.progress("images", { totalBytes: 0, bytesRead: () => 0 });
  const copy = copyPhotos(photos, dir, dataDir);
  progress.note(`photos: ${copy.copied} copied, ${copy.present} already in place`);
  const counts: SyncCounts = { created: 0, updated: 0, unchanged: 0 };
  for (const batch of chunk(photos.map(mapPhotoProduct), context.options.batchSize)) {
    const result = await writeBatch(context.db, (tx) => syncProducts(tx, batch));
    counts.created += result.created;
    counts.updated += result.updated;
    counts.unchanged += result.unchanged;
  }
  context.stats.rowsImported = counts.created + counts.updated;
  context.stats.rowsUnchanged = counts.unchanged;
  const withAttributes = photos.filter((photo) => photo.materials.length > 0 || photo.description).length;
  context.stats.counts = { photos: photos.length, withAttributes, products: counts, copied: copy.copied };
  context.stats.summary = [
    `photos: ${photos.length} (${withAttributes} with attributes), ${copy.copied} copied to the media folder`,
    `products: ${counts.created} new, ${counts.updated} updated, ${counts.unchanged} unchanged`,
  ];
}

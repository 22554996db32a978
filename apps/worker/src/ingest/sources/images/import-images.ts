import path from "node:path";
import type { ImportContext } from "../../import-context";
import { addSyncCounts, emptySyncCounts, formatSyncCounts } from "../../store/sync-counts";
import { syncProducts } from "../../store/sync-products";
import { chunk, writeBatch } from "../../write-batch";
import { MediaBatch } from "../media/media-batch";
import { copyPhotos } from "./copy-photos";
import { mapPhotoProduct } from "./map-photo-product";
import { readPhotoSet } from "./read-photo-set";

/**
 * Imports the photo set as catalog products (sku img-<stem>) and copies the photos into the media folder, batch by
 * batch: a batch's photos are copied, then its products written in one transaction; when that fails, the batch's
 * copies are removed and any photo it replaced is put back.
 */
export async function importImages(context: ImportContext, dir: string, dataDir: string): Promise<void> {
  const photos = await readPhotoSet(context, dir);
  const progress = context.progress("images");
  const media = new MediaBatch(path.join(dataDir, "media"));
  const copy = { copied: 0, present: 0 };
  const counts = emptySyncCounts();
  for (const batch of chunk(photos, context.options.batchSize)) {
    try {
      const placed = copyPhotos(batch, dir, media);
      copy.copied += placed.copied;
      copy.present += placed.present;
      addSyncCounts(counts, await writeBatch(context.db, (tx) => syncProducts(tx, batch.map(mapPhotoProduct))));
    } catch (error) {
      media.rollback();
      throw error;
    }
    media.commit();
  }
  progress.note(`photos: ${copy.copied} copied, ${copy.present} already in place`);
  context.stats.rowsImported = counts.created + counts.updated;
  context.stats.rowsUnchanged = counts.unchanged;
  const withAttributes = photos.filter((photo) => photo.materials.length > 0 || photo.description).length;
  context.stats.counts = { photos: photos.length, withAttributes, products: counts, copied: copy.copied };
  context.stats.summary = [
    `photos: ${photos.length} (${withAttributes} with attributes), ${copy.copied} copied to the media folder`,
    `products: ${formatSyncCounts(counts)}`,
  ];
}

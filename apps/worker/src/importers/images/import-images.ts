import type { ImportContext } from "../../import/import-context";
import { formatSyncCounts } from "../../store/sync-counts";
import { syncProductsInBatches } from "../../store/sync-products-in-batches";
import { copyPhotos } from "./copy-photos";
import { mapPhotoProduct } from "./map-photo-product";
import { readPhotoSet } from "./read-photo-set";

/** Imports the photo set as catalog products (sku img-<stem>) and copies the photos into the media folder. */
export async function importImages(context: ImportContext, dir: string, dataDir: string): Promise<void> {
  const photos = await readPhotoSet(context, dir);
  const progress = context.progress("images", { totalBytes: 0, bytesRead: () => 0 });
  const copy = copyPhotos(photos, dir, dataDir);
  progress.note(`photos: ${copy.copied} copied, ${copy.present} already in place`);
  const counts = await syncProductsInBatches(context, photos.map(mapPhotoProduct));
  context.stats.rowsImported = counts.created + counts.updated;
  context.stats.rowsUnchanged = counts.unchanged;
  const withAttributes = photos.filter((photo) => photo.materials.length > 0 || photo.description).length;
  context.stats.counts = { photos: photos.length, withAttributes, products: counts, copied: copy.copied };
  context.stats.summary = [
    `photos: ${photos.length} (${withAttributes} with attributes), ${copy.copied} copied to the media folder`,
    `products: ${formatSyncCounts(counts)}`,
  ];
}

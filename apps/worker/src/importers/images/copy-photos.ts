import fs from "node:fs";
import path from "node:path";
import type { Photo } from "./read-photo-set";
import { PHOTO_SET_NAME } from "./read-photo-set";

/** The URL the web app serves a photo of the set under (/media/* → $JEWELGUIDE_DATA_DIR/media/*). */
export function photoUrl(photo: Photo): string {
  return `/media/${PHOTO_SET_NAME}/images/${photo.name}`;
}

/** Copies the photos into <dataDir>/media/jewellery-images-5class/images/, skipping files already there. */
export function copyPhotos(photos: Photo[], setDir: string, dataDir: string): { copied: number; present: number } {
  const target = path.join(dataDir, "media", PHOTO_SET_NAME, "images");
  fs.mkdirSync(target, { recursive: true });
  let copied = 0;
  for (const photo of photos) {
    const source = path.join(setDir, photo.file);
    const destination = path.join(target, photo.name);
    if (fs.existsSync(destination) && fs.statSync(destination).size === fs.statSync(source).size) continue;
    fs.copyFileSync(source, destination);
    copied += 1;
  }
  return { copied, present: photos.length - copied };
}

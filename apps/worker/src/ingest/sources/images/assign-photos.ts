import crypto from "node:crypto";
import type { Category } from "@jewelguide/model";
import type { ProductInput } from "../../store/product-input";
import { photoUrl } from "./copy-photos";
import type { Photo } from "./read-photo-set";

/** Which photo label illustrates which category; brooch and other have no photos. */
const LABEL_FOR_CATEGORY: Partial<Record<Category, string>> = {
  earring: "earrings",
  ring: "rings",
  pendant: "necklace",
  necklace: "necklace",
  bracelet: "bracelet",
  watch: "wristwatch",
};

/**
 * Gives each product a real photo of its category, chosen deterministically: hash(sku) mod the photos of that
 * category, preferring photos whose attributes name the product's metal. Marks attributes.photoIllustrative
 * (the photo shows the kind of item, not this very item). Categories without photos get imageUrl null.
 */
export function createPhotoAssigner(photos: Photo[]): (product: ProductInput) => ProductInput {
  const pools = new Map<string, Photo[]>();
  for (const photo of [...photos].sort((a, b) => a.name.localeCompare(b.name))) {
    const pool = pools.get(photo.label) ?? [];
    pool.push(photo);
    pools.set(photo.label, pool);
  }
  return (product) => {
    const label = LABEL_FOR_CATEGORY[product.category];
    const pool = label === undefined ? [] : (pools.get(label) ?? []);
    if (pool.length === 0) {
      return { ...product, imageUrl: null, attributes: { ...product.attributes, photoIllustrative: false } };
    }
    const sameMetal = pool.filter((photo) => product.metal !== null && photo.metal === product.metal);
    const candidates = sameMetal.length > 0 ? sameMetal : pool;
    const photo = candidates[hashIndex(product.sku, candidates.length)] ?? pool[0];
    return {
      ...product,
      imageUrl: photo ? photoUrl(photo) : null,
      attributes: { ...product.attributes, photoIllustrative: true, photo: photo?.name ?? null },
    };
  };
}

function hashIndex(key: string, size: number): number {
  const digest = crypto.createHash("sha256").update(key).digest();
  return digest.readUInt32BE(0) % size;
}

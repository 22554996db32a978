import type { ProductInput } from "../../store/product-input";
import { deriveTitles } from "../derive-titles";
import { photoUrl } from "./copy-photos";
import type { Photo } from "./read-photo-set";

/**
 * A photo as a catalog product. The set has no prices: price is 0 with attributes.priceKnown = false, so the shop
 * (and the recommender) can tell a missing price from a free item.
 */
export function mapPhotoProduct(photo: Photo): ProductInput {
  return {
    sku: `img-${photo.stem}`,
    ...deriveTitles({ category: photo.category, metal: photo.metal, gem: photo.gem }),
    description: photo.description ?? "",
    category: photo.category,
    metal: photo.metal,
    gem: photo.gem,
    color: null,
    gender: photo.gender ?? null,
    price: 0,
    currency: "USD",
    brand: null,
    imageUrl: photoUrl(photo),
    inStock: true,
    source: "images",
    attributes: {
      priceKnown: false,
      label: photo.label,
      materials: photo.materials,
      gemstones: photo.gemstones,
      originalPath: photo.originalPath,
    },
  };
}

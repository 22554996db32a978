import type { Prisma } from "@jewelguide/db";

/** The fields a product card shows: nothing else leaves the server for a listing. */
export const productCardSelect = {
  id: true,
  titleZh: true,
  titleEn: true,
  category: true,
  metal: true,
  gem: true,
  price: true,
  currency: true,
  imageUrl: true,
  inStock: true,
} satisfies Prisma.ProductSelect;

/** The fields the product page shows. */
export const productDetailSelect = {
  ...productCardSelect,
  sku: true,
  description: true,
  color: true,
  gender: true,
  brand: true,
} satisfies Prisma.ProductSelect;

export type ProductCard = Prisma.ProductGetPayload<{ select: typeof productCardSelect }>;
export type ProductDetail = Prisma.ProductGetPayload<{ select: typeof productDetailSelect }>;

import type { Db, Prisma } from "@jewelguide/db";

export type SeedProduct = Omit<Prisma.ProductCreateInput, "sku"> & { sku?: string };

/** A small catalog that exercises every filter: ids are returned in creation order. */
export const seedProducts: SeedProduct[] = [
  {
    titleEn: "Gold diamond ring",
    titleZh: "黄金钻石戒指",
    category: "ring",
    metal: "gold",
    gem: "diamond",
    price: 1200,
    imageUrl: "/media/a/ring.jpg",
  },
  { titleEn: "Silver topaz ring", titleZh: "银托帕石戒指", category: "ring", metal: "silver", gem: "topaz", price: 90 },
  {
    titleEn: "Rose gold pearl earrings",
    titleZh: "玫瑰金珍珠耳饰",
    category: "earring",
    metal: "rose-gold",
    gem: "pearl",
    price: 340,
  },
  { titleEn: "Silver chain necklace", titleZh: "银项链", category: "necklace", metal: "silver", price: 150 },
  {
    titleEn: "Platinum sapphire pendant",
    titleZh: "铂金蓝宝石吊坠",
    category: "pendant",
    metal: "platinum",
    gem: "sapphire",
    price: 2100,
    inStock: false,
  },
  { titleEn: "Enamel brooch", titleZh: "珐琅胸针", category: "brooch", metal: null, gem: "enamel", price: 45 },
  { titleEn: "Gold bracelet", titleZh: "黄金手链", category: "bracelet", metal: "gold", price: 560 },
];

/** Creates the products (one second apart, so `newest` is well defined) and returns their ids in order. */
export async function seedCatalog(db: Db, products: SeedProduct[] = seedProducts): Promise<number[]> {
  const ids: number[] = [];
  const start = Date.UTC(2025, 0, 1);
  for (const [index, product] of products.entries()) {
    const created = await db.product.create({
      data: { sku: `SKU-${index + 1}`, createdAt: new Date(start + index * 1000), ...product },
      select: { id: true },
    });
    ids.push(created.id);
  }
  return ids;
}

/** Records `count` events of `type` on a product by one shopper. */
export async function seedInteractions(db: Db, productId: number, count: number, type = "purchase"): Promise<void> {
  const user = await db.user.upsert({
    where: { externalId: "shopper-1" },
    create: { externalId: "shopper-1" },
    update: {},
  });
  for (let i = 0; i < count; i++) {
    await db.interaction.create({
      data: {
        userId: user.id,
        productId,
        type,
        occurredAt: new Date(),
        source: "test",
        idempotencyKey: `${type}-${productId}-${i}`,
      },
    });
  }
}

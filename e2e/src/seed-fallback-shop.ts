import fs from "node:fs";
import path from "node:path";
import { createDb, migrateDatabase } from "@jewelguide/db";

/** Dataset file prefix → category, with bilingual title stems. */
const CATEGORIES = [
  { prefix: "rings", category: "ring", en: "Ring", zh: "戒指" },
  { prefix: "earrings", category: "earring", en: "Earrings", zh: "耳饰" },
  { prefix: "necklace", category: "necklace", en: "Necklace", zh: "项链" },
  { prefix: "bracelet", category: "bracelet", en: "Bracelet", zh: "手链" },
  { prefix: "wristwatch", category: "watch", en: "Watch", zh: "手表" },
] as const;
const METALS = [
  { value: "gold", en: "Gold", zh: "黄金" },
  { value: "silver", en: "Silver", zh: "银" },
  { value: "rose-gold", en: "Rose gold", zh: "玫瑰金" },
  { value: "white-gold", en: "White gold", zh: "白金" },
] as const;

/**
 * TEMPORARY stand-in for `npm run worker -- demo` while the worker has no demo command: a small bilingual shop with
 * real photos from the shared image set (copied under `<dataDir>/media`) and a few photo-less brooches.
 */
export async function seedFallbackShop(databaseUrl: string, dataDir: string, sharedDir: string): Promise<number> {
  const source = path.join(sharedDir, "data/jewellery-images-5class/images");
  const target = path.join(dataDir, "media/jewellery-images-5class/images");
  fs.mkdirSync(target, { recursive: true });
  await migrateDatabase(databaseUrl);
  const { db } = createDb(databaseUrl);
  try {
    let count = 0;
    for (let i = 0; i < 40; i++) {
      const kind = CATEGORIES[i % CATEGORIES.length];
      const metal = METALS[i % METALS.length];
      if (!kind || !metal) continue;
      const file = `${kind.prefix}_${String(1 + Math.floor(i / CATEGORIES.length) * 7).padStart(4, "0")}.jpg`;
      const photo = path.join(source, file);
      const hasPhoto = fs.existsSync(photo);
      if (hasPhoto) fs.copyFileSync(photo, path.join(target, file));
      await db.product.create({
        data: {
          sku: `E2E-${i + 1}`,
          titleEn: `${metal.en} ${kind.en} No. ${i + 1}`,
          titleZh: `${metal.zh}${kind.zh} ${i + 1} 号`,
          category: kind.category,
          metal: metal.value,
          price: 80 + ((i * 173) % 1900),
          imageUrl: hasPhoto ? `/media/jewellery-images-5class/images/${file}` : null,
          createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000),
          source: "catalog",
        },
      });
      count++;
    }
    for (let i = 0; i < 4; i++) {
      await db.product.create({
        data: {
          sku: `E2E-BROOCH-${i + 1}`,
          titleEn: `Enamel brooch No. ${i + 1}`,
          titleZh: `珐琅胸针 ${i + 1} 号`,
          category: "brooch",
          gem: "enamel",
          price: 45 + i * 10,
          imageUrl: null,
          createdAt: new Date(Date.UTC(2024, 11, 1) + i * 60_000),
        },
      });
      count++;
    }
    return count;
  } finally {
    await db.$disconnect();
  }
}

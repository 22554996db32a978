import type { Db } from "@jewelguide/db";

/** A small synthetic shop: `products` products, `users` shoppers with `perUser` purchases each, deterministic. */
export async function seedPurchases(db: Db, options: { products: number; users: number; perUser: number }) {
  await db.product.createMany({
    data: Array.from({ length: options.products }, (_, i) => ({
      sku: `S${i}`,
      titleZh: `戒指${i}`,
      titleEn: `Ring ${i}`,
      category: i % 2 ? "ring" : "earring",
      price: 100 + i,
    })),
  });
  await db.user.createMany({ data: Array.from({ length: options.users }, (_, i) => ({ externalId: `u${i}` })) });
  const products = await db.product.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const users = await db.user.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  let key = 0;
  await db.interaction.createMany({
    data: users.flatMap((user, u) =>
      Array.from({ length: options.perUser }, (_, j) => ({
        userId: user.id,
        productId: products[(u * 7 + j * 11) % products.length]?.id ?? 0,
        type: "purchase",
        occurredAt: new Date(Date.UTC(2026, 0, 1, 0, j)),
        source: "test",
        idempotencyKey: `seed-${key++}`,
      })),
    ),
  });
}

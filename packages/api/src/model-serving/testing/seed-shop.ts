import { type Db, publishModelVersion, saveCandidateVersion } from "@jewelguide/db";
import { createInteractionDataset, createRecommender, type Interaction, isEventType } from "@jewelguide/model";

/** The categories of the test shop, 8 products each. */
export const SHOP_CATEGORIES = ["ring", "earring", "pendant", "necklace", "bracelet"] as const;
const METALS = ["gold", "silver"] as const;
const GEMS = ["diamond", "pearl", null] as const;

export type SeededShop = {
  /** Product id by SKU. */
  ids: Map<string, number>;
  /** The out-of-stock product (the most bought ring). */
  outOfStockSku: string;
  /** A shopper who bought `boughtSku` (rings). */
  ringBuyer: string;
  boughtSku: string;
};

/**
 * A small shop with a clear taste structure: 5 categories × 8 products (SKU `<category>-<n>`, prices 60–2160 USD,
 * gold/silver alternating), 25 shoppers per category who each buy 3 products of their category, in orders of two
 * (so "bought together" has data), plus purchases of 'ring-1' by everyone in the ring group ('ring-1' is out of stock).
 * Popularity differs by category (earring shoppers are the most numerous) and within a category (lower n = more bought).
 */
export async function seedShop(db: Db): Promise<SeededShop> {
  const ids = new Map<string, number>();
  for (const category of SHOP_CATEGORIES) {
    for (let n = 1; n <= 8; n++) {
      const sku = `${category}-${n}`;
      const product = await db.product.create({
        data: {
          sku,
          titleEn: `${category} ${n}`,
          titleZh: `${category}${n}号`,
          category,
          metal: METALS[n % 2],
          gem: GEMS[n % 3],
          gender: n === 8 ? "male" : n % 2 === 0 ? "female" : null,
          price: 60 + (n - 1) * 300,
          inStock: sku !== "ring-1",
        },
        select: { id: true },
      });
      ids.set(sku, product.id);
    }
  }
  const rows: Array<{ externalId: string; sku: string; orderId: string; at: number }> = [];
  let t = Date.UTC(2024, 0, 1);
  SHOP_CATEGORIES.forEach((category, c) => {
    const shoppers = 15 + (category === "earring" ? 10 : 0) - c;
    for (let s = 0; s < shoppers; s++) {
      const externalId = `shopper-${category}-${s}`;
      // Each shopper: 3 of the first 6 products of the category, weighted to the low numbers.
      const picks = [1 + (s % 2), 3 + (s % 3), 5 + (s % 2)];
      if (category === "ring") picks[0] = 1;
      picks.forEach((n, i) => {
        rows.push({ externalId, sku: `${category}-${n}`, orderId: `order-${category}-${s}-${i < 2 ? 0 : 1}`, at: t++ });
      });
    }
  });
  const users = new Map<string, number>();
  for (const externalId of new Set(rows.map((row) => row.externalId))) {
    users.set(externalId, (await db.user.create({ data: { externalId }, select: { id: true } })).id);
  }
  await db.interaction.createMany({
    data: rows.map((row, i) => ({
      userId: users.get(row.externalId) ?? 0,
      productId: ids.get(row.sku) ?? 0,
      type: "purchase",
      occurredAt: new Date(row.at),
      source: "test",
      idempotencyKey: `seed-${i}`,
      orderId: row.orderId,
      price: 1,
    })),
  });
  return { ids, outOfStockSku: "ring-1", ringBuyer: "shopper-ring-0", boughtSku: "ring-3" };
}

/** Trains a real model of `kind` on the stored events, stores it as a candidate and publishes it. */
export async function trainAndPublish(db: Db, kind: "itemknn" | "popularity"): Promise<number> {
  const events = await db.interaction.findMany({
    select: {
      type: true,
      occurredAt: true,
      user: { select: { externalId: true } },
      product: { select: { sku: true } },
    },
  });
  const interactions: Interaction[] = events.flatMap((event) =>
    isEventType(event.type)
      ? [
          {
            userId: event.user.externalId,
            itemId: event.product.sku,
            type: event.type,
            timestamp: event.occurredAt.getTime(),
          },
        ]
      : [],
  );
  const model = createRecommender(kind);
  await model.fit(createInteractionDataset({ interactions }));
  const { id } = await saveCandidateVersion(db, {
    kind,
    params: {},
    metrics: {},
    dataSnapshot: { interactions: interactions.length },
    artifact: model.serialize(),
  });
  await publishModelVersion(db, id);
  return id;
}

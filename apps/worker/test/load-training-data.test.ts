import { createTestDatabase } from "@jewelguide/db/testing";
import { describe, expect, it } from "vitest";
import { describeDataSnapshot } from "../src/training/describe-data-snapshot";
import { loadTrainingData } from "../src/training/load-training-data";

describe("loadTrainingData", () => {
  it("reads the catalog with content extras and every preference event, skipping impressions and removals", async () => {
    const test = await createTestDatabase();
    try {
      const ring = await test.db.product.create({
        data: {
          sku: "R1",
          titleZh: "金戒指",
          titleEn: "Gold ring",
          category: "ring",
          metal: "gold",
          price: 120,
          attributes: { categoryId: "42", photo: "rings_0001.jpg" },
        },
      });
      const pendant = await test.db.product.create({
        data: { sku: "P1", titleZh: "吊坠", titleEn: "Pendant", category: "pendant", metal: "unobtainium", price: 0 },
      });
      const user = await test.db.user.create({ data: { externalId: "shopper-1", gender: "female" } });
      const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
      const event = (productId: number, type: string, minute: number, key: string, context = {}) =>
        test.db.interaction.create({
          data: {
            userId: user.id,
            productId,
            type,
            occurredAt: at(minute),
            source: "web",
            idempotencyKey: key,
            context,
          },
        });
      await event(ring.id, "impression", 1, "a");
      await event(ring.id, "view", 2, "b");
      await event(pendant.id, "cart", 3, "c");
      await event(pendant.id, "cart", 4, "d", { action: "remove" });
      await event(ring.id, "purchase", 5, "e");

      const data = await loadTrainingData(test.db);
      expect(data.catalog).toEqual([
        expect.objectContaining({
          itemId: "R1",
          category: "ring",
          metal: "gold",
          price: 120,
          extra: { categoryId: "42" },
        }),
        expect.objectContaining({ itemId: "P1", category: "pendant", metal: null, price: null }),
      ]);
      expect(data.interactions.map((e) => [e.itemId, e.type])).toEqual([
        ["R1", "view"],
        ["P1", "cart"],
        ["R1", "purchase"],
      ]);
      expect(data.users).toEqual([{ userId: "shopper-1", gender: "female" }]);
      const snapshot = describeDataSnapshot(data);
      expect(snapshot).toMatchObject({
        products: 2,
        users: 1,
        interactions: 3,
        byType: { view: 1, cart: 1, purchase: 1 },
      });
      expect(describeDataSnapshot(data).hash).toBe(snapshot.hash);
    } finally {
      await test.drop();
    }
  });

  it("reads the events in pages by id and returns them in time order, ties by id, whatever the page size", async () => {
    const test = await createTestDatabase();
    try {
      const products = await Promise.all(
        ["A", "B", "C"].map((sku) =>
          test.db.product.create({ data: { sku, titleZh: sku, titleEn: sku, category: "ring", price: 10 } }),
        ),
      );
      const user = await test.db.user.create({ data: { externalId: "shopper-1" } });
      // Inserted (so numbered) out of time order; minutes 3, 1, 2, 1, 5, 2 with an impression among them.
      const rows: Array<[number, string, number]> = [
        [0, "view", 3],
        [1, "view", 1],
        [2, "click", 2],
        [0, "impression", 0],
        [2, "cart", 1],
        [1, "purchase", 5],
        [0, "click", 2],
      ];
      for (const [k, [product, type, minute]] of rows.entries()) {
        await test.db.interaction.create({
          data: {
            userId: user.id,
            productId: (products[product] as { id: number }).id,
            type,
            occurredAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
            source: "web",
            idempotencyKey: `e${k}`,
          },
        });
      }
      const expected = [
        ["B", "view"],
        ["C", "cart"],
        ["C", "click"],
        ["A", "click"],
        ["A", "view"],
        ["B", "purchase"],
      ];
      for (const eventPage of [1, 2, 4, 100]) {
        const data = await loadTrainingData(test.db, { eventPage });
        expect(data.interactions.map((e) => [e.itemId, e.type])).toEqual(expected);
      }
    } finally {
      await test.drop();
    }
  });
});

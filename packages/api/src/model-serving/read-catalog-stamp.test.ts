import { randomUUID } from "node:crypto";
import { describe, expect, it as vitestIt } from "vitest";
import { testDialects } from "../test/test-dialects";
import { useSeededShop } from "../test/use-seeded-shop";
import { readCatalogStamp } from "./read-catalog-stamp";

describe.each(testDialects)("readCatalogStamp on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  const fixture = useSeededShop({ server, skip });

  it("changes its purchases half with a purchase, its products half with a product change, not with other events", async () => {
    const { db, sql } = fixture.database;
    const productId = fixture.shop.ids.get("ring-2") ?? 0;
    const user = await db.user.create({ data: { externalId: `stamp-${randomUUID()}` } });
    const log = (type: string) =>
      db.interaction.create({
        data: { userId: user.id, productId, type, occurredAt: new Date(), source: "web", idempotencyKey: randomUUID() },
      });
    const first = await readCatalogStamp(sql);
    expect(await readCatalogStamp(sql)).toEqual(first);
    await log("view");
    await log("impression");
    expect(await readCatalogStamp(sql)).toEqual(first);
    await log("purchase");
    const afterPurchase = await readCatalogStamp(sql);
    expect(afterPurchase.products).toBe(first.products);
    expect(afterPurchase.purchases).not.toBe(first.purchases);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await db.product.update({ where: { id: productId }, data: { price: { increment: 1 } } });
    const afterUpdate = await readCatalogStamp(sql);
    expect(afterUpdate.products).not.toBe(afterPurchase.products);
    expect(afterUpdate.purchases).toBe(afterPurchase.purchases);
    const extra = await db.product.create({
      data: { sku: `stamp-${randomUUID()}`, titleZh: "戒指", titleEn: "Ring", category: "ring", price: 10 },
    });
    const afterCreate = await readCatalogStamp(sql);
    expect(afterCreate.products).not.toBe(afterUpdate.products);
    await db.product.delete({ where: { id: extra.id } });
    expect((await readCatalogStamp(sql)).products).not.toBe(afterCreate.products);
  });
});

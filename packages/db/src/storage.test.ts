import { describe, expect, it } from "vitest";
import { readMigrations } from "./migrate";
import { createTestDatabase, testPostgresServerUrl } from "./testing";

const postgresUrl = testPostgresServerUrl();
const dialects = [
  { name: "sqlite", server: undefined },
  { name: "postgresql", server: postgresUrl },
] as const;

describe.each(dialects)("storage on $name", ({ name, server }) => {
  const skip = name === "postgresql" && !server;
  it.skipIf(skip)("migrates, stores a shop and refuses a second event with the same idempotency key", async () => {
    const test = await createTestDatabase({ postgresServerUrl: server });
    try {
      expect(test.target.dialect).toBe(name);
      const product = await test.db.product.create({
        data: {
          sku: "R-1",
          titleZh: "18K金钻戒",
          titleEn: "18K gold diamond ring",
          category: "ring",
          price: 2999,
          currency: "CNY",
        },
      });
      const user = await test.db.user.create({ data: { externalId: "shopper-1", attributes: { city: "上海" } } });
      const event = {
        userId: user.id,
        productId: product.id,
        type: "view",
        occurredAt: new Date("2026-11-30T10:00:00Z"),
        source: "web",
        idempotencyKey: "evt-1",
      };
      await test.db.interaction.create({ data: event });
      await expect(test.db.interaction.create({ data: event })).rejects.toThrow();
      expect(await test.db.interaction.count()).toBe(1);
      const stored = await test.db.product.findUniqueOrThrow({ where: { sku: "R-1" } });
      expect(stored.attributes).toEqual({});
      expect(stored.titleZh).toBe("18K金钻戒");
      expect((await test.db.user.findUniqueOrThrow({ where: { id: user.id } })).attributes).toEqual({ city: "上海" });
    } finally {
      await test.drop();
    }
  });

  it.skipIf(skip)("a failed transaction leaves nothing behind", async () => {
    const test = await createTestDatabase({ postgresServerUrl: server });
    try {
      await expect(
        test.db.$transaction(async (tx) => {
          await tx.product.create({ data: { sku: "A", titleZh: "a", titleEn: "a", category: "ring", price: 1 } });
          await tx.product.create({ data: { sku: "A", titleZh: "b", titleEn: "b", category: "ring", price: 2 } });
        }),
      ).rejects.toThrow();
      expect(await test.db.product.count()).toBe(0);
    } finally {
      await test.drop();
    }
  });
});

describe("migrations", () => {
  it("exist for both dialects with the same names", () => {
    const sqlite = readMigrations("sqlite").map((m) => m.name);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(readMigrations("postgresql").map((m) => m.name)).toEqual(sqlite);
  });
});

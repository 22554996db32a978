import { randomUUID } from "node:crypto";
import { createTestDatabase } from "@jewelguide/db/testing";
import { describe, expect, it } from "vitest";
import { seedShop } from "../../model-serving/testing/seed-shop";
import { createTestCaller } from "../../test/create-test-caller";

describe("events.log with simulated traffic", () => {
  it("stores context.simulated = true for simulated batches only", async () => {
    const database = await createTestDatabase();
    try {
      const shop = await seedShop(database.db);
      const productId = shop.ids.get("ring-2") ?? 0;
      const caller = createTestCaller(database.db, database.target.dialect);
      const event = () => ({ idempotencyKey: randomUUID(), type: "view" as const, productId });
      await caller.events.log({ shopperId: "sim-test-0", simulated: true, events: [event()] });
      await caller.events.log({ shopperId: "real-shopper-1", events: [event()] });
      const rows = await database.db.interaction.findMany({
        where: { source: "web", type: "view" },
        select: { context: true, user: { select: { externalId: true } } },
      });
      const bySource = new Map(rows.map((row) => [row.user.externalId, row.context]));
      expect(bySource.get("sim-test-0")).toMatchObject({ simulated: true });
      expect(bySource.get("real-shopper-1")).not.toHaveProperty("simulated");
    } finally {
      await database.drop();
    }
  });
});

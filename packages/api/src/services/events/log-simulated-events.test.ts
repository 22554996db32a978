import { randomUUID } from "node:crypto";
import { describe, expect, it as vitestIt } from "vitest";
import { createTestCaller } from "../../test/create-test-caller";
import { testDialects } from "../../test/test-dialects";
import { useSeededShop } from "../../test/use-seeded-shop";
import type { LogEventsInput } from "./event-schemas";

describe.each(testDialects)("events.log with simulated traffic on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  const fixture = useSeededShop({ server, skip });

  it("stores events as simulated only for the worker-authenticated simulator, never because the input says so", async () => {
    const { db } = fixture.database;
    const productId = fixture.shop.ids.get("ring-2") ?? 0;
    const event = () => ({ idempotencyKey: randomUUID(), type: "view" as const, productId });
    const worker = createTestCaller(fixture.runtime, {
      shopper: { externalId: "w_simulated-shopper" },
      client: { isWorker: true },
    });
    const browser = createTestCaller(fixture.runtime, { shopper: { externalId: "w_real-shopper" } });
    await worker.events.log({ events: [event()] });
    await browser.events.log({ events: [event()] });
    const claimed = await browser.events
      .log({ simulated: true, events: [event()] } as LogEventsInput)
      .catch((e: unknown) => e);
    expect(claimed).toMatchObject({ code: "BAD_REQUEST" });
    const rows = await db.interaction.findMany({
      where: { type: "view", user: { externalId: { in: ["w_simulated-shopper", "w_real-shopper"] } } },
      select: { source: true, context: true, user: { select: { externalId: true, attributes: true } } },
    });
    const byShopper = new Map(rows.map((row) => [row.user.externalId, row]));
    expect(rows).toHaveLength(2);
    expect(byShopper.get("w_simulated-shopper")).toMatchObject({
      source: "simulation",
      context: { simulated: true },
      user: { attributes: { origin: "simulation" } },
    });
    expect(byShopper.get("w_real-shopper")).toMatchObject({
      source: "web",
      user: { attributes: { origin: "web-cookie" } },
    });
    expect(byShopper.get("w_real-shopper")?.context).not.toHaveProperty("simulated");
  });
});

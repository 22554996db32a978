import { verifyLinkToken } from "@jewelguide/api/security";
import { describe, expect, it } from "vitest";
import { countTrainableEvents } from "../src/training/count-trainable-events";
import { loadTrainingData } from "../src/training/load-training-data";
import { seedPurchases } from "./helpers/seed-purchases";
import { useFreshWorkspace } from "./helpers/temp-workspace";

const ws = useFreshWorkspace();
const LINK_SECRET = "shop-backend-link-secret-0123456789abcdef";

describe("what the worker trusts and signs", () => {
  it("counts for schedule --after-events and trains on real preference events only, never simulated traffic", async () => {
    await seedPurchases(ws.db, { products: 4, users: 2, perUser: 2 });
    const [user] = await ws.db.user.findMany({ take: 1 });
    const [product] = await ws.db.product.findMany({ take: 1 });
    let key = 0;
    const add = (type: string, source: string, context: object = {}) =>
      ws.db.interaction.create({
        data: {
          userId: user?.id ?? 0,
          productId: product?.id ?? 0,
          type,
          occurredAt: new Date(Date.UTC(2026, 0, 2, 0, key)),
          source,
          idempotencyKey: `t-${key++}`,
          context,
        },
      });
    expect(await countTrainableEvents(ws.db)).toBe(4);
    await add("view", "web");
    await add("impression", "web", { surface: "feed" });
    await add("purchase", "simulation", { simulated: true, demoCheckout: true });
    for (let i = 0; i < 50; i++) await add("view", "simulation", { simulated: true });
    expect(await countTrainableEvents(ws.db)).toBe(5);
    const training = await loadTrainingData(ws.db);
    expect(training.interactions).toHaveLength(5);
  });

  it("mints a link token from JEWELGUIDE_SHOPPER_LINK_SECRET, and refuses without it or with a long lifetime", async () => {
    expect(await ws.cli("link-token", "--customer", "512445128")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("JEWELGUIDE_SHOPPER_LINK_SECRET"),
    });
    ws.env.shopperLinkSecret = LINK_SECRET;
    const minted = await ws.cli("link-token", "--customer", "512445128", "--ttl", "120");
    expect(minted.code).toBe(0);
    expect(verifyLinkToken(minted.stdout.trim(), LINK_SECRET, Date.now())).toMatchObject({
      ok: true,
      externalId: "512445128",
    });
    expect(await ws.cli("link-token", "--customer", "1", "--ttl", "3600")).toMatchObject({ code: 2 });
    expect(await ws.cli("link-token", "--customer", "not an id")).toMatchObject({ code: 2 });
  });
});

import { describe, expect, it } from "vitest";
import type { ApiClient } from "../src/simulation/create-api-client";
import { createApiClient } from "../src/simulation/create-api-client";
import { loadHeldOutShoppers } from "../src/simulation/load-held-out-shoppers";
import { simulateShopper } from "../src/simulation/simulate-shopper";
import { loadTrainingData } from "../src/training/load-training-data";
import { useFreshWorkspace } from "./helpers/temp-workspace";

const ws = useFreshWorkspace();

function fakeApi(feedIds: number[]) {
  const calls: { path: string; input: Record<string, unknown> }[] = [];
  const api: ApiClient = {
    async query<T>(path: string, input: unknown) {
      calls.push({ path, input: input as Record<string, unknown> });
      return { requestId: "r1", modelVersionId: 3, items: feedIds.map((id) => ({ id })) } as T;
    },
    async mutate<T>(path: string, input: unknown) {
      calls.push({ path, input: input as Record<string, unknown> });
      return { stored: 1 } as T;
    },
  };
  return { api, calls };
}

describe("simulate", () => {
  it("holds out each shopper's last distinct purchase; the rest is history", async () => {
    const products = await Promise.all(
      [1, 2, 3].map((n) =>
        ws.db.product.create({ data: { sku: `S${n}`, titleZh: "x", titleEn: "x", category: "ring", price: n } }),
      ),
    );
    const [a, b, c] = products.map((p) => p.id);
    const user = await ws.db.user.create({ data: { externalId: "real-1" } });
    const single = await ws.db.user.create({ data: { externalId: "real-2" } });
    let key = 0;
    const buy = (userId: number, productId: number | undefined, minute: number, source = "rees46") =>
      ws.db.interaction.create({
        data: {
          userId,
          productId: productId ?? 0,
          type: "purchase",
          occurredAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
          source,
          idempotencyKey: `k${key++}`,
        },
      });
    await buy(user.id, a, 1);
    await buy(user.id, b, 2);
    await buy(user.id, a, 3);
    await buy(user.id, c, 4, "web");
    await buy(single.id, a, 1);
    const shoppers = await loadHeldOutShoppers(ws.db, { count: 10, historyLength: 5, seed: "s" });
    expect(shoppers).toEqual([{ externalId: "real-1", history: [b], heldOut: a }]);
    await ws.db.interaction.create({
      data: {
        userId: single.id,
        productId: b ?? 0,
        type: "purchase",
        occurredAt: new Date(Date.UTC(2026, 0, 2)),
        source: "web",
        idempotencyKey: "simulated-1",
        context: { simulated: true },
      },
    });
    const training = await loadTrainingData(ws.db);
    expect(training.interactions).toHaveLength(5);
  });

  it("sends views, impressions and, on a hit, click + cart + purchase, all marked simulated", async () => {
    const hit = fakeApi([7, 9, 11]);
    const outcome = await simulateShopper(
      hit.api,
      { externalId: "x", history: [5, 6], heldOut: 9 },
      {
        shopperId: "sim-run-0",
        k: 3,
      },
    );
    expect(outcome).toEqual({ impressions: 3, hit: true, modelVersionId: 3 });
    expect(hit.calls.map((call) => call.path)).toEqual([
      "events.log",
      "recommendations.feed",
      "events.log",
      "events.log",
    ]);
    for (const call of hit.calls.filter((c) => c.path === "events.log")) expect(call.input.simulated).toBe(true);
    const last = hit.calls[3]?.input.events as { type: string; slot?: number; modelVersionId?: number }[];
    expect(last.map((e) => e.type)).toEqual(["click", "cart", "purchase"]);
    expect(last[0]).toMatchObject({ slot: 1, modelVersionId: 3 });
    const miss = fakeApi([7]);
    expect(
      (await simulateShopper(miss.api, { externalId: "x", history: [], heldOut: 9 }, { shopperId: "sim-run-1", k: 1 }))
        .hit,
    ).toBe(false);
    expect(miss.calls.map((call) => call.path)).toEqual(["recommendations.feed", "events.log"]);
  });

  it("names an unreachable web app and a missing flag", async () => {
    const api = createApiClient("http://127.0.0.1:9");
    await expect(api.query("recommendations.feed", {})).rejects.toThrow(/cannot reach http:\/\/127\.0\.0\.1:9/);
    expect(await ws.cli("simulate")).toMatchObject({ code: 2, stderr: "error: --shoppers N is required\n" });
  });
});

import { createServerRuntime } from "@jewelguide/api";
import { startTrpcTestServer } from "@jewelguide/api/testing";
import { createDb } from "@jewelguide/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadShopSecrets } from "../src/simulate/load-shop-secrets";
import { seedPurchases } from "./helpers/seed-purchases";
import { useFreshWorkspace } from "./helpers/temp-workspace";

const ws = useFreshWorkspace();

/** The web app's tRPC endpoint (the handler its Pages API route uses) on a loopback port, with the shop's secrets. */
async function startShop(): Promise<{ url: string; close(): Promise<void> }> {
  const database = createDb(ws.env.databaseUrl);
  const server = await startTrpcTestServer(createServerRuntime({ database, secrets: loadShopSecrets(ws.env) }));
  return {
    url: server.baseUrl.replace(/\/api\/trpc$/, ""),
    async close() {
      await server.close();
      await database.db.$disconnect();
    },
  };
}

describe("simulate against the tRPC endpoint", () => {
  let shop: Awaited<ReturnType<typeof startShop>> | undefined;
  beforeEach(() => {
    shop = undefined;
  });
  afterEach(async () => {
    await shop?.close();
  });

  it("replays shoppers through the worker token and one shopper cookie each; the server stores simulated events", async () => {
    await seedPurchases(ws.db, { products: 20, users: 12, perUser: 3 });
    expect((await ws.cli("train", "--kind", "popularity", "--publish", "--quiet")).code).toBe(0);
    const active = await ws.db.modelVersion.findFirstOrThrow({ where: { status: "active" } });
    shop = await startShop();
    const run = await ws.cli("simulate", "--shoppers", "4", "--url", shop.url, "--seed", "s1", "--k", "5");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^simulated 4 shoppers \\(run [0-9a-f]{8}, seed s1\\) against ${shop.url.replace(/\./g, "\\.")}: 20 impressions, ` +
          `held-out item shown and bought for \\d \\(hit rate@5 \\d\\.\\d{3}\\); served by v${active.id}\\n$`,
      ),
    );
    expect(run.stderr).toMatch(
      /^\[simulate \d+s\] 4\/4 shoppers, [\d.]+ shoppers\/s, 20 impressions, \d held-out hits, in /m,
    );
    const simulated = await ws.db.interaction.findMany({
      where: { source: "simulation" },
      select: { userId: true, type: true },
    });
    expect(simulated.filter((event) => event.type === "impression")).toHaveLength(20);
    // Four synthetic shoppers: the server issued each its own id (its cookie), none is a real shopper.
    const shoppers = new Set(simulated.map((event) => event.userId));
    expect(shoppers.size).toBe(4);
    const real = await ws.db.user.findMany({ where: { externalId: { startsWith: "u" } }, select: { id: true } });
    for (const user of real) expect(shoppers.has(user.id)).toBe(false);
  });

  it("says the web app is unreachable and exits 1", async () => {
    await seedPurchases(ws.db, { products: 5, users: 3, perUser: 2 });
    const run = await ws.cli("simulate", "--shoppers", "1", "--url", "http://127.0.0.1:9");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: cannot reach http:\/\/127\.0\.0\.1:9 \(.*\): is the web app running\?\n$/);
  });
});

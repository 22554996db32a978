import { readShopperCookie, SHOPPER_COOKIE } from "@jewelguide/api/security";
import { loadShopSecrets } from "@jewelguide/worker/simulate";
import { seedPurchases, useFreshWorkspace } from "@jewelguide/worker/testing";
import { describe, expect, it } from "vitest";
import { buildRequestSets } from "../src/serving/build-request-sets";

const ws = useFreshWorkspace();

describe("the serving benchmark's requests", () => {
  it("benchmarks feeds and guides for known shoppers by signed cookie, never by a shopper id in the input", async () => {
    await seedPurchases(ws.db, { products: 6, users: 5, perUser: 2 });
    const secrets = loadShopSecrets(ws.env);
    const sets = await buildRequestSets(ws.db, { usersWithHistory: 5, newShoppers: 3, skus: 4, seed: 1, secrets });
    expect(sets.feed).toHaveLength(8);
    const shoppers = sets.feed.map((request) => {
      expect(decodeURIComponent(request.path)).not.toMatch(/shopperId/);
      const value = request.cookie?.slice(`${SHOPPER_COOKIE}=`.length);
      return readShopperCookie(value, secrets.shopperCookieKey);
    });
    expect(shoppers.filter((id) => id?.startsWith("u"))).toHaveLength(5);
    expect(shoppers.filter((id) => id?.startsWith("w_"))).toHaveLength(3);
    for (const request of sets.guide) expect(decodeURIComponent(request.path)).not.toMatch(/shopperId/);
    // The same secret file gives the same keys, as the web server started against this data folder will load.
    expect(loadShopSecrets(ws.env).workerToken).toBe(secrets.workerToken);
  });
});

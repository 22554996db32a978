import { randomUUID } from "node:crypto";
import { describeReason } from "@jewelguide/i18n";
import { describe, expect, it as vitestIt } from "vitest";
import { createContext } from "../context";
import { WORKER_TOKEN_HEADER } from "../http/read-request-client";
import { createCaller } from "../root";
import type { LogEventsInput } from "../services/events/event-schemas";
import { testDialects } from "../test/test-dialects";
import { TEST_SECRETS } from "../test/test-secrets";
import { useSeededShop } from "../test/use-seeded-shop";
import { deriveServerSecrets } from "./server-secrets";
import { readShopperCookie, signShopperCookie } from "./shopper-cookie";

const FOREIGN_KEY = deriveServerSecrets("another-shop-secret-abcdefghijklmnopqrstu").shopperCookieKey;

describe.each(testDialects)(
  "a forged or foreign shopper id never reads or writes that shopper on $name",
  ({ server, skip }) => {
    const it = vitestIt.skipIf(skip);
    const fixture = useSeededShop({ server, skip }, { publish: "itemknn" });

    /** A request as the HTTP endpoint builds it: a Cookie header in, Set-Cookie headers out. */
    const request = (cookieHeader: string | null, headers: Record<string, string> = {}) => {
      const setCookies: string[] = [];
      const ctx = createContext({
        runtime: fixture.runtime,
        request: new Request("http://shop.test/api/trpc/x", {
          headers: { ...headers, ...(cookieHeader === null ? {} : { cookie: cookieHeader }) },
        }),
        responseHeaders: {
          append: (name, value) => name === "set-cookie" && setCookies.push(value),
          set: () => undefined,
        },
      });
      return { ctx, caller: createCaller(ctx), setCookies };
    };
    const customerEvents = () =>
      fixture.database.db.interaction.count({ where: { user: { externalId: fixture.shop.ringBuyer } } });
    const ringId = () => fixture.shop.ids.get("ring-2") ?? 0;

    it("shows an imported customer's purchases only to a cookie the server signed for them (the control)", async () => {
      const { ctx, caller } = request(
        `jg_shopper=${signShopperCookie(fixture.shop.ringBuyer, TEST_SECRETS.shopperCookieKey)}`,
      );
      expect(ctx.shopper).toEqual({ externalId: fixture.shop.ringBuyer });
      const feed = await caller.recommendations.feed({ k: 12 });
      expect(feed.personalised).toBe(true);
      expect(feed.items[0] && describeReason(feed.items[0].reason, "en")).toMatch(/which you bought/);
    });

    it("ignores a bare, re-signed or tampered cookie: no purchases shown, lists empty, events go to a new shopper", async () => {
      const customer = fixture.shop.ringBuyer;
      const valid = signShopperCookie(`w_${randomUUID().slice(0, 8)}`, TEST_SECRETS.shopperCookieKey);
      const [version, , signature] = valid.split(".") as [string, string, string];
      const forged = [
        customer,
        encodeURIComponent(customer),
        signShopperCookie(customer, FOREIGN_KEY),
        `${version}.${Buffer.from(customer).toString("base64url")}.${signature}`,
      ];
      const before = await customerEvents();
      for (const value of forged) {
        const { ctx, caller, setCookies } = request(`jg_shopper=${value}`);
        expect(ctx.shopper, value).toBeUndefined();
        const feed = await caller.recommendations.feed({ k: 12 });
        expect(feed.personalised).toBe(false);
        expect(feed.items.map((item) => item.reason.kind)).not.toContain("similar-to-recent");
        expect(feed.items.map((item) => describeReason(item.reason, "en")).join("\n")).not.toMatch(/which you bought/);
        expect(await caller.shopper.listItems({ list: "cart" })).toEqual([]);
        const guide = await caller.guide.ask({ text: "ring", locale: "en" });
        expect(guide.items.map((item) => item.sku)).toContain(fixture.shop.boughtSku);
        await caller.events.log({
          events: [{ idempotencyKey: randomUUID(), type: "favorite", productId: ringId() }],
        });
        expect(setCookies).toHaveLength(1);
        const issued = readShopperCookie(
          decodeURIComponent(setCookies[0]?.split(";")[0]?.split("=")[1] ?? ""),
          TEST_SECRETS.shopperCookieKey,
        );
        expect(issued).toMatch(/^w_/);
        expect(setCookies[0]).toMatch(/HttpOnly/);
        expect(await fixture.database.db.interaction.count({ where: { user: { externalId: issued ?? "" } } })).toBe(1);
      }
      expect(await customerEvents()).toBe(before);
    });

    it("refuses a shopper id in the input of every public procedure", async () => {
      const { caller } = request(null);
      const shopperId = fixture.shop.ringBuyer;
      const before = await customerEvents();
      const attempts: Array<() => Promise<unknown>> = [
        () => caller.recommendations.feed({ shopperId, k: 4 } as never),
        () => caller.guide.ask({ text: "ring", shopperId } as never),
        () => caller.shopper.listItems({ shopperId, list: "cart" } as never),
        () =>
          caller.events.log({
            shopperId,
            events: [{ idempotencyKey: randomUUID(), type: "cart", productId: ringId() }],
          } as LogEventsInput),
        () => caller.recommendations.similar({ sku: "ring-2", shopperId } as never),
        () => caller.recommendations.boughtTogether({ sku: "ring-2", shopperId } as never),
      ];
      for (const attempt of attempts) {
        const error = await attempt().catch((e: unknown) => e);
        expect(error).toMatchObject({ code: "BAD_REQUEST" });
        expect(String((error as Error).message)).toMatch(/shopperId/);
      }
      expect(await customerEvents()).toBe(before);
    });

    it("takes no shopper from any header, the worker token included", async () => {
      const customer = fixture.shop.ringBuyer;
      const { ctx, caller } = request(null, {
        "x-shopper-id": customer,
        "x-jewelguide-shopper": customer,
        "x-user-id": customer,
        authorization: `Bearer ${customer}`,
        [WORKER_TOKEN_HEADER]: TEST_SECRETS.workerToken,
      });
      expect(ctx.shopper).toBeUndefined();
      expect((await caller.recommendations.feed({ k: 12 })).personalised).toBe(false);
      expect(await caller.shopper.listItems({ list: "cart" })).toEqual([]);
    });
  },
);

import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MAX_BATCH_SIZE, WORKER_TOKEN_HEADER } from "@jewelguide/api";
import { createDb } from "@jewelguide/db";
import { forgeShopperCookie, signShopperCookieAsServer } from "../../src/abuse/shopper-cookie";
import { shopperEvent, storedEventKey } from "../../src/abuse/shopper-event";
import { type AbuseServer, startAbuseServer } from "../../src/abuse/start-abuse-server";
import {
  batchQueryTarget,
  cookieValue,
  errorOf,
  type HttpReply,
  resultData,
  sendRaw,
  setCookies,
  trpcMutation,
  trpcQuery,
} from "../../src/abuse/trpc-http";
import { findWebProcess } from "../../src/abuse/web-process";
import { repoRoot } from "../../src/paths";
import { E2E_ADMIN_EMAIL, readAdminPassword } from "../../src/prepare-dashboard";
import { expect, test } from "../../src/test";

/**
 * Each probe of issue 11's "Why", replayed over HTTP against a real `next start` on its own copy of the e2e shop, and
 * what it must get now. The first probe (the first request after a start decides which half of the product works) has
 * its own regression test, which starts fresh servers in both orders: e2e/tests/first-request-order.test.ts.
 */
const PROBES_PORT = 3112;
const PROXIED_PORT = 3113;
const FOREIGN_ORIGIN = "https://evil.example";
/** What the home page says about a pick from the shopper's own purchases (zh / en). */
const BOUGHT_MARKERS = /which you bought|买过的/;

type FeedItem = { id: number; reason: { kind: string; action?: string }; attribution?: string };
type Feed = { items: FeedItem[] };

test.describe("abuse: the probes of issue 11 over HTTP", () => {
  let server: AbuseServer;
  let selfOrigin: string;
  let adminCookie: string;
  /** An imported REES46 customer with purchases: the victim every identity probe tries to become. */
  let customer: { id: number; externalId: string; purchases: number };

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startAbuseServer("probes", PROBES_PORT);
    selfOrigin = server.url;
    const db = server.database.db;
    const buyers = await db.interaction.groupBy({
      by: ["userId"],
      where: { type: "purchase", source: { not: "web" } },
      _count: { _all: true },
      orderBy: { _count: { userId: "desc" } },
      take: 1,
    });
    const buyer = buyers[0];
    if (!buyer) throw new Error("the e2e shop has no imported customer with purchases");
    const user = await db.user.findUniqueOrThrow({ where: { id: buyer.userId } });
    customer = { id: user.id, externalId: user.externalId, purchases: buyer._count._all };
    const login = await trpcMutation(
      server.url,
      "staffAuth.login",
      { email: E2E_ADMIN_EMAIL, password: readAdminPassword() },
      { origin: selfOrigin },
    );
    const staff = cookieValue(login, "jg_staff");
    if (!staff) throw new Error(`admin login failed: HTTP ${login.status} ${login.body.slice(0, 300)}`);
    adminCookie = `jg_staff=${encodeURIComponent(staff)}`;
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  const feedAs = (headers: Record<string, string>, input: Record<string, unknown> = {}) =>
    trpcQuery(server.url, "recommendations.feed", { k: 24, ...input }, headers);
  const hasPurchaseReasons = (feed: Feed) =>
    feed.items.some(
      (item) =>
        (item.reason.kind === "similar-to-recent" && item.reason.action === "purchase") ||
        item.reason.kind === "from-history",
    );
  const asAdmin = (procedure: string, input: unknown, origin = selfOrigin) =>
    trpcMutation(server.url, procedure, input, { cookie: adminCookie, origin });
  const interactionsOf = (userId: number) => server.database.db.interaction.count({ where: { userId } });
  const activeVersionId = async () =>
    (await server.database.db.modelVersion.findFirstOrThrow({ where: { status: "active" } })).id;

  test("a browser cannot become an imported REES46 customer by naming its id in the cookie, input or headers", async () => {
    // Control: the customer's own signed cookie (made with the server's key) does show their purchase-based picks.
    const own = `jg_shopper=${signShopperCookieAsServer(customer.externalId, server.secrets.shopperCookieKey)}`;
    expect(hasPurchaseReasons(resultData<Feed>(await feedAs({ cookie: own })))).toBe(true);

    const attempts: [string, HttpReply][] = [
      ["the raw id as the cookie", await feedAs({ cookie: `jg_shopper=${customer.externalId}` })],
      [
        "a cookie signed with another key",
        await feedAs({ cookie: `jg_shopper=${forgeShopperCookie(customer.externalId)}` }),
      ],
      ["the id in the input", await feedAs({}, { shopperId: customer.externalId })],
      [
        "the id in the input beside a cookie",
        await feedAs({ cookie: "jg_shopper=x" }, { shopperId: customer.externalId }),
      ],
      [
        "the id in headers",
        await feedAs({
          "x-shopper-id": customer.externalId,
          "x-jewelguide-shopper": customer.externalId,
          "x-user-id": customer.externalId,
          [WORKER_TOKEN_HEADER]: customer.externalId,
        }),
      ],
    ];
    for (const [attempt, reply] of attempts) {
      expect(reply.status, attempt).toBeLessThan(500);
      if (reply.status === 200) expect(hasPurchaseReasons(resultData<Feed>(reply)), attempt).toBe(false);
      expect(reply.body, attempt).not.toMatch(BOUGHT_MARKERS);
    }

    // The issue's curl: the home page with the id as the cookie shows no "…which you bought" and issues its own cookie.
    const page = await sendRaw(server.url, {
      method: "GET",
      target: "/",
      headers: { cookie: `jg_shopper=${customer.externalId}`, "accept-language": "en" },
    });
    expect(page.status).toBe(200);
    expect(page.body).not.toMatch(BOUGHT_MARKERS);
    const issued = cookieValue(page, "jg_shopper");
    expect(issued).toBeDefined();
    expect(issued).not.toContain(customer.externalId);
  });

  test("events.log with another shopper's id in the body stores nothing for that shopper", async () => {
    const before = await interactionsOf(customer.id);
    const favourite = () => shopperEvent({ type: "favorite", productId: 1, action: "add" });
    const replies = [
      await trpcMutation(server.url, "events.log", { shopperId: customer.externalId, events: [favourite()] }),
      await trpcMutation(server.url, "events.log", { events: [{ ...favourite(), shopperId: customer.externalId }] }),
      await trpcMutation(server.url, "events.log", { events: [{ ...favourite(), userId: customer.id }] }),
      await trpcMutation(
        server.url,
        "events.log",
        { events: [favourite()] },
        { cookie: `jg_shopper=${customer.externalId}` },
      ),
      await trpcMutation(
        server.url,
        "events.log",
        { events: [favourite()] },
        { cookie: `jg_shopper=${forgeShopperCookie(customer.externalId)}`, "x-shopper-id": customer.externalId },
      ),
    ];
    for (const reply of replies) expect(reply.status).toBeLessThan(500);
    // The shopper-id fields are refused outright (unknown fields are an error, not ignored).
    for (const reply of replies.slice(0, 3)) expect(reply.status).toBe(400);
    expect(await interactionsOf(customer.id)).toBe(before);
    // And the customer's own list does not show a favourite they never made.
    const own = `jg_shopper=${signShopperCookieAsServer(customer.externalId, server.secrets.shopperCookieKey)}`;
    const list = await trpcQuery(server.url, "shopper.listItems", { list: "favorite" }, { cookie: own });
    expect(resultData<unknown[]>(list)).toEqual([]);
  });

  test("the client cannot set simulated, demoCheckout, modelVersionId, slot, quantity beyond bounds or the price", async () => {
    const home = await sendRaw(server.url, { method: "GET", target: "/" });
    const cookie = `jg_shopper=${cookieValue(home, "jg_shopper")}`;
    const headers = { cookie, origin: selfOrigin };
    const product = await server.database.db.product.findFirstOrThrow({ where: { price: { gt: 0 } } });
    const forgedFields: Record<string, unknown>[] = [
      { simulated: true },
      { demoCheckout: false },
      { modelVersionId: 1 },
      { slot: 0 },
      { requestId: "forged-request" },
      { price: 0.01 },
      { currency: "XXX" },
      { surface: "feed" },
      { quantity: 11 },
      { quantity: 1_000_000 },
      { quantity: 0 },
    ];
    for (const fields of forgedFields) {
      const reply = await trpcMutation(
        server.url,
        "events.log",
        { events: [shopperEvent({ type: "purchase", productId: product.id, ...fields })] },
        headers,
      );
      expect(reply.status, JSON.stringify(fields)).toBe(400);
    }
    for (const batchField of [{ simulated: true }, { demoCheckout: false }, { shopperId: "w_x" }]) {
      const reply = await trpcMutation(
        server.url,
        "events.log",
        { events: [shopperEvent({ type: "view", productId: product.id })], ...batchField },
        headers,
      );
      expect(reply.status, JSON.stringify(batchField)).toBe(400);
    }

    // What a browser may send is stored as the server decides: catalog price and currency, not simulated, no
    // attribution from a token the server did not sign, quantity within 1–10.
    const purchase = shopperEvent({
      type: "purchase",
      productId: product.id,
      quantity: 10,
      attribution: "a1.forged.1.feed.0.1.0.x",
    });
    const click = shopperEvent({
      type: "click",
      productId: product.id,
      attribution: `a1.r.1.feed.0.${product.id}.0.AAAA`,
    });
    const reply = await trpcMutation(server.url, "events.log", { events: [purchase, click] }, headers);
    expect(reply.status).toBe(200);
    const rows = await server.database.db.interaction.findMany({
      where: {
        idempotencyKey: { in: [storedEventKey(purchase.idempotencyKey), storedEventKey(click.idempotencyKey)] },
      },
    });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.modelVersionId).toBeNull();
      expect(row.slot).toBeNull();
      expect(row.requestId).toBeNull();
      expect(row.source).toBe("web");
      expect((row.context as Record<string, unknown>).simulated).toBeUndefined();
    }
    const stored = rows.find((row) => row.type === "purchase");
    if (!stored) throw new Error("the purchase was not stored");
    expect(stored.price).toBe(product.price);
    expect(stored.quantity).toBe(10);
    expect((stored.context as Record<string, unknown>).currency).toBe(product.currency);
  });

  test("the shopper cookie is HttpOnly (and SameSite=Lax), from a page and from the API", async () => {
    const page = await sendRaw(server.url, { method: "GET", target: "/" });
    const api = await trpcMutation(server.url, "events.log", {
      events: [shopperEvent({ type: "view", productId: 1 })],
    });
    for (const reply of [page, api]) {
      const header = setCookies(reply).find((value) => value.startsWith("jg_shopper="));
      expect(header).toBeDefined();
      expect(header).toMatch(/;\s*HttpOnly/i);
      expect(header).toMatch(/;\s*SameSite=Lax/i);
    }
  });

  test(`a tRPC batch of 100 calls is refused (the cap is ${MAX_BATCH_SIZE})`, async () => {
    const calls = Array.from({ length: 100 }, (_, i) => ({ path: "catalog.getProduct", input: { id: i + 1 } }));
    const query = await sendRaw(server.url, { method: "GET", target: batchQueryTarget(calls) });
    expect(query.status).toBe(400);
    const body = Object.fromEntries(calls.map((call, i) => [String(i), { json: call.input }]));
    const mutation = await sendRaw(server.url, {
      method: "POST",
      target: `/api/trpc/${Array.from({ length: 100 }, () => "events.log").join(",")}?batch=1`,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(mutation.status).toBe(400);
    const allowed = await sendRaw(server.url, { method: "GET", target: batchQueryTarget(calls.slice(0, 2)) });
    expect(allowed.status).toBe(200);
  });

  test("a cookie-authenticated mutation with a foreign Origin gets 403 and changes nothing", async () => {
    const activeBefore = await activeVersionId();
    const rollback = await asAdmin("dashboard.rollback", {}, FOREIGN_ORIGIN);
    expect(rollback.status).toBe(403);
    expect(errorOf(rollback).code).toBe("FORBIDDEN");
    expect(await activeVersionId()).toBe(activeBefore);
    const logout = await trpcMutation(server.url, "staffAuth.logout", undefined, {
      cookie: adminCookie,
      origin: FOREIGN_ORIGIN,
    });
    expect(logout.status).toBe(403);
    const me = await trpcQuery(server.url, "staffAuth.me", undefined, { cookie: adminCookie });
    expect(resultData<{ email: string } | null>(me)?.email).toBe(E2E_ADMIN_EMAIL);
    const home = await sendRaw(server.url, { method: "GET", target: "/" });
    const events = await trpcMutation(
      server.url,
      "events.log",
      { events: [shopperEvent({ type: "favorite", productId: 1, action: "add" })] },
      { cookie: `jg_shopper=${cookieValue(home, "jg_shopper")}`, origin: FOREIGN_ORIGIN },
    );
    expect(events.status).toBe(403);
  });

  test("security headers on every response, frame-ancestors 'none' on the dashboard, a CSP without unsafe-inline scripts", async () => {
    for (const target of ["/", "/dashboard/login", "/dashboard", "/guide", "/api/trpc/staffAuth.me", "/no-such-page"]) {
      const reply = await sendRaw(server.url, { method: "GET", target, headers: { cookie: adminCookie } });
      const csp = reply.headers.get("content-security-policy") ?? "";
      expect(csp, target).toMatch(/frame-ancestors 'none'/);
      expect(reply.headers.get("x-content-type-options"), target).toBe("nosniff");
      expect(reply.headers.get("referrer-policy"), target).toBeTruthy();
      expect(reply.headers.get("permissions-policy"), target).toBeTruthy();
      // No HSTS over plain HTTP (it is for HTTPS only: see the proxied probe below).
      expect(reply.headers.get("strict-transport-security"), target).toBeNull();
      if ((reply.headers.get("content-type") ?? "").includes("text/html")) {
        const scriptSrc = csp.match(/script-src ([^;]*)/)?.[1] ?? csp.match(/default-src ([^;]*)/)?.[1] ?? "";
        expect(scriptSrc, target).not.toContain("'unsafe-inline'");
        expect(scriptSrc, target).toMatch(/'nonce-|'sha256-/);
      }
    }
  });

  test("behind a trusted proxy: Secure session and shopper cookies and HSTS over HTTPS; a client's own x-forwarded-for does not pick its address", async () => {
    const proxied = await startAbuseServer("proxied", PROXIED_PORT, { JEWELGUIDE_TRUST_PROXY: "1" });
    try {
      const https = { "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.9" };
      const page = await sendRaw(proxied.url, { method: "GET", target: "/", headers: https });
      expect(setCookies(page).find((value) => value.startsWith("jg_shopper="))).toMatch(/;\s*Secure/i);
      expect(page.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
      const login = await trpcMutation(
        proxied.url,
        "staffAuth.login",
        { email: E2E_ADMIN_EMAIL, password: readAdminPassword() },
        { ...https, origin: proxied.url.replace("http:", "https:") },
      );
      expect(setCookies(login).find((value) => value.startsWith("jg_staff="))).toMatch(/;\s*Secure/i);
      // Guesses from one client whose proxy appends its real address; the client varies what it sends before it.
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 15; attempt++) {
        const reply = await trpcMutation(
          proxied.url,
          "staffAuth.login",
          { email: `spoof-${attempt}@e2e.test`, password: "wrong-password" },
          { "x-forwarded-for": `10.0.0.${attempt}, 203.0.113.77`, "x-forwarded-proto": "https" },
        );
        statuses.push(reply.status);
      }
      expect(statuses).toContain(429);
    } finally {
      await proxied.stop();
    }
  });

  test("error replies carry a generic message and a request id, never internals", async () => {
    const replies = [
      await trpcQuery(server.url, "catalog.getProduct", { id: 2_000_000_000 }),
      await trpcQuery(server.url, "catalog.getProduct", { id: "1; DROP TABLE Product" }),
      await trpcQuery(server.url, "dashboard.versions", undefined),
      await sendRaw(server.url, { method: "GET", target: "/api/trpc/no.such.procedure" }),
      await sendRaw(server.url, {
        method: "POST",
        target: "/api/trpc/events.log",
        headers: { "content-type": "application/json" },
        body: '{"json": {"events": [',
      }),
    ];
    for (const reply of replies) {
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expect(reply.headers.get("content-type"), `a tRPC error envelope, not: ${reply.body.slice(0, 80)}`).toMatch(
        /json/,
      );
      const error = JSON.parse(reply.body) as { error: { json: { data: { requestId?: string } } } };
      expect(error.error.json.data.requestId).toMatch(/^[A-Za-z0-9-]{8,}$/);
      expect(reply.body).not.toMatch(/prisma|sqlite|node_modules|"stack"|\n\s+at /i);
    }
  });

  // The flood and the brute force spend this address's event and log-in allowances: they run after the probes that
  // need them.
  test("a flood of thousands of forged events from one client (several cookies, one address) moves neither the published version nor an A/B report", async () => {
    const db = server.database.db;
    const activeBefore = await activeVersionId();
    const candidate = await db.modelVersion.findFirstOrThrow({
      where: { status: { in: ["candidate", "retired"] }, id: { not: activeBefore } },
      orderBy: { id: "desc" },
    });
    // The A/B test the dashboard suite left running, if any (only one may run), else one started for this probe.
    const running = await db.abTest.findFirst({ where: { status: "running" } });
    const test =
      running ??
      resultData<{ id: number }>(
        await asAdmin("dashboard.startAbTest", {
          name: "abuse flood",
          versionAId: activeBefore,
          versionBId: candidate.id,
          shareB: 0.5,
        }),
      );
    const reportOf = async () => {
      const reply = await trpcQuery(server.url, "dashboard.abTestReport", { id: test.id }, { cookie: adminCookie });
      const report = resultData<{ arms: unknown[]; simulatedEvents: number }>(reply);
      return { arms: report.arms, simulatedEvents: report.simulatedEvents };
    };
    try {
      const reportBefore = await reportOf();
      const floodStart = new Date();
      const cookies: string[] = [];
      for (let i = 0; i < 5; i++) {
        const home = await sendRaw(server.url, { method: "GET", target: "/" });
        cookies.push(`jg_shopper=${cookieValue(home, "jg_shopper")}`);
      }
      const products = await db.product.findMany({ where: { price: { gt: 0 } }, select: { id: true }, take: 50 });
      const forgedBatch = (batch: number) =>
        Array.from({ length: 100 }, (_, i) => {
          const productId = products[(batch + i) % products.length]?.id ?? 1;
          const type = ["impression", "click", "cart", "purchase"][i % 4] as string;
          return shopperEvent({
            type,
            productId,
            quantity: type === "cart" || type === "purchase" ? 10 : 1,
            attribution: `a1.req-${batch}-${i}.${candidate.id}.feed.${i}.${productId}.${Date.now().toString(36)}.${crypto.randomBytes(16).toString("base64url")}`,
          });
        });
      const statuses = new Map<number, number>();
      const send = async (batch: number) => {
        const cookie = cookies[batch % cookies.length] as string;
        const reply = await trpcMutation(
          server.url,
          "events.log",
          { events: forgedBatch(batch) },
          { cookie, origin: selfOrigin, "x-forwarded-for": `198.51.100.${batch % 250}` },
        );
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        expect(reply.status).toBeLessThan(500);
      };
      // 40 batches of 100 (4,000 events), then small batches until the per-address limit answers 429.
      for (let wave = 0; wave < 40; wave += 8) await Promise.all(Array.from({ length: 8 }, (_, i) => send(wave + i)));
      const tooMany: HttpReply[] = [];
      for (let wave = 0; wave < 800 && tooMany.length === 0; wave += 16) {
        const replies = await Promise.all(
          Array.from({ length: 16 }, (_, i) =>
            trpcMutation(
              server.url,
              "events.log",
              { events: [shopperEvent({ type: "impression", productId: products[0]?.id ?? 1 })] },
              { cookie: cookies[(wave + i) % cookies.length] as string, origin: selfOrigin },
            ),
          ),
        );
        for (const reply of replies) statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        tooMany.push(...replies.filter((reply) => reply.status === 429));
      }

      const flooded = await db.interaction.findMany({
        where: { createdAt: { gte: floodStart }, source: "web" },
        select: { type: true, price: true, quantity: true, modelVersionId: true, slot: true, context: true },
      });
      const byType = new Map<string, number>();
      for (const row of flooded) byType.set(row.type, (byType.get(row.type) ?? 0) + 1);
      const revenue = flooded.reduce(
        (sum, row) => sum + (row.type === "purchase" ? (row.price ?? 0) * row.quantity : 0),
        0,
      );
      console.log(
        `[abuse] flood: replies ${[...statuses.entries()].map(([s, n]) => `${s}×${n}`).join(" ")}; stored ${flooded.length} ` +
          `events (${[...byType.entries()].map(([t, n]) => `${t} ${n}`).join(", ")}), demo revenue ${revenue.toFixed(2)}, ` +
          `${flooded.filter((row) => row.modelVersionId !== null || row.slot !== null).length} attributed, ` +
          `${flooded.filter((row) => (row.context as Record<string, unknown>).simulated === true).length} simulated`,
      );
      // The per-address limit holds however many cookies the client uses, and says when to come back.
      expect(tooMany.length).toBeGreaterThan(0);
      expect(Number(tooMany[0]?.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(flooded.filter((row) => row.modelVersionId !== null || row.slot !== null)).toEqual([]);
      expect(flooded.filter((row) => (row.context as Record<string, unknown>).simulated === true)).toEqual([]);
      expect(Math.max(0, ...flooded.map((row) => row.quantity))).toBeLessThanOrEqual(10);

      expect(await activeVersionId()).toBe(activeBefore);
      expect(await reportOf()).toEqual(reportBefore);
    } finally {
      if (!running) await asAdmin("dashboard.stopAbTest", { id: test.id, promote: null });
    }
  });

  test("login brute force gets 429 with Retry-After, and the wait grows (back-off)", async () => {
    const guess = (password: string) =>
      trpcMutation(server.url, "staffAuth.login", { email: E2E_ADMIN_EMAIL, password }, { origin: selfOrigin });
    const retryAfters: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const reply = await guess(`wrong-password-${attempt}`);
      expect([401, 429]).toContain(reply.status);
      if (reply.status === 429) retryAfters.push(Number(reply.headers.get("retry-after")));
    }
    expect(retryAfters.length).toBeGreaterThan(0);
    for (const seconds of retryAfters) expect(seconds).toBeGreaterThan(0);
    // While the account waits, even the right password is not tried.
    const right = await guess(readAdminPassword());
    expect(right.status).toBe(429);
    expect(cookieValue(right, "jg_staff")).toBeUndefined();
    // Back-off: once the wait it named is over, one more wrong guess is tried, and the next wait is longer.
    const firstWait = retryAfters[0] ?? 1;
    await new Promise((resolve) => setTimeout(resolve, firstWait * 1000 + 100));
    expect((await guess("wrong-password-after-the-wait")).status).toBe(401);
    const next = await guess("wrong-password-too-soon");
    expect(next.status).toBe(429);
    expect(Number(next.headers.get("retry-after"))).toBeGreaterThan(firstWait);
    // Another account from the same address is not a way around the address's failures.
    const others: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const reply = await trpcMutation(
        server.url,
        "staffAuth.login",
        { email: `nobody-${attempt}@e2e.test`, password: "wrong-password" },
        { origin: selfOrigin },
      );
      others.push(reply.status);
    }
    expect(others).toContain(429);
  });

  test("serve.mjs restarts a crashed web process (with back-off) instead of stopping the server", async () => {
    test.setTimeout(120_000);
    let pid = findWebProcess(PROBES_PORT);
    // More crashes in a row than WEB_CONCURRENCY (1): the old serve.mjs stopped the whole server here.
    for (let crash = 0; crash < 3; crash++) {
      process.kill(pid, "SIGKILL");
      const deadline = Date.now() + 30_000;
      let replacement = pid;
      while (Date.now() < deadline) {
        // A connection caught in the crash may never be answered: each try gives up after 5 s.
        const answer = await fetch(`${server.url}/api/trpc/staffAuth.me`, { signal: AbortSignal.timeout(5_000) }).catch(
          () => undefined,
        );
        if (answer?.status === 200) {
          replacement = findWebProcess(PROBES_PORT);
          if (replacement !== pid) break;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(replacement, `no new web process answered within 30 s of crash ${crash + 1}`).not.toBe(pid);
      pid = replacement;
    }
  });

  test("the catalog importer refuses /proc/self/environ, ../ paths, an SVG and a 1 MB field (bash scripts/worker.sh import catalog)", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "jewelguide-abuse-import-"));
    try {
      const catalogDir = path.join(folder, "catalog");
      fs.mkdirSync(catalogDir);
      fs.writeFileSync(path.join(folder, "outside.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
      fs.writeFileSync(
        path.join(catalogDir, "logo.svg"),
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
      );
      fs.writeFileSync(path.join(catalogDir, "fake.jpg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
      const rows = [
        "sku,category,price,image,gem",
        "environ,ring,10,/proc/self/environ,",
        "parent,ring,10,../outside.jpg,",
        "svg,ring,10,logo.svg,",
        "svg-named-jpg,ring,10,fake.jpg,",
        `long-gem,ring,10,,${"g".repeat(1024 * 1024)}`,
        "fine,ring,10,,diamond",
      ];
      const file = path.join(catalogDir, "catalog.csv");
      fs.writeFileSync(file, `${rows.join("\n")}\n`);
      const dataDir = path.join(folder, "data");
      const databaseUrl = `file:${path.join(folder, "import.db")}`;
      const env = { ...process.env, DATABASE_URL: databaseUrl, JEWELGUIDE_DATA_DIR: dataDir };
      const run = (args: string[]) =>
        spawnSync("bash", ["scripts/worker.sh", ...args], { cwd: repoRoot, env, encoding: "utf8" });
      expect(run(["migrate"]).status).toBe(0);
      const imported = run(["import", "catalog", "--file", file]);
      const output = `${imported.stdout}\n${imported.stderr}`;
      expect(imported.status, output).toBe(0);
      for (const line of [2, 3, 4, 5, 6])
        expect(output, `line ${line} rejected`).toMatch(new RegExp(`catalog\\.csv:${line}\\b`));
      const media = path.join(dataDir, "media");
      const copied = fs.existsSync(media) ? fs.readdirSync(media, { recursive: true }).map(String) : [];
      expect(copied.filter((name) => /environ|outside|svg|fake/.test(name))).toEqual([]);
      const database = createDb(databaseUrl);
      try {
        const products = await database.db.product.findMany({ select: { sku: true } });
        expect(products.map((product) => product.sku)).toEqual(["fine"]);
      } finally {
        await database.db.$disconnect();
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

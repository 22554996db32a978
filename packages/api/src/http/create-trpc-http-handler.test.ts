import crypto from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import superjson from "superjson";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRateLimiter, type RateLimiter } from "../security/rate-limit/create-rate-limiter";
import { createTestRuntime } from "../test/create-test-runtime";
import { seedCatalog } from "../test/seed-catalog";
import { startTrpcTestServer, type TrpcTestServer } from "../test/start-trpc-test-server";
import { TEST_SECRETS } from "../test/test-secrets";
import { WORKER_TOKEN_HEADER } from "./read-request-client";

/**
 * The tRPC endpoint over real HTTP (a node:http server around the same handler the web app's Pages API route uses):
 * rate limits answer 429 with Retry-After on the GET fast path and on tRPC's own handler (POST), batches over the
 * cap are refused, and so are cross-origin mutations.
 */
describe("the tRPC HTTP endpoint", () => {
  let database: TestDatabase;
  let server: TrpcTestServer | undefined;
  let baseUrl: string;
  let limiter: RateLimiter;
  let productId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    [productId = 0] = await seedCatalog(database.db);
    server = await startTrpcTestServer(createTestRuntime(database), { rateLimiter: () => limiter });
    baseUrl = server.baseUrl;
  });

  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  beforeEach(async () => {
    // Each test starts with empty counters and tight limits: 2 requests per address per minute.
    await database.db.rateLimitCounter.deleteMany();
    const tight = { windowMs: 60_000, perShopper: 2, perAddress: 2 };
    limiter = createRateLimiter({ policies: { guide: tight, events: tight, feeds: tight } });
  });

  const encode = (value: unknown) => encodeURIComponent(JSON.stringify(superjson.serialize(value)));
  const guideUrl = () => `${baseUrl}/guide.ask?input=${encode({ text: "gold ring", k: 3 })}`;
  const eventsBody = () =>
    JSON.stringify(superjson.serialize({ events: [{ idempotencyKey: crypto.randomUUID(), type: "view", productId }] }));
  const postEvents = (headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}/events.log`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: eventsBody(),
    });

  async function expectTooManyRequests(response: Response) {
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await response.json()) as { error: { json: { message: string; data: { code: string } } } };
    expect(body.error.json.data.code).toBe("TOO_MANY_REQUESTS");
    expect(body.error.json.message).toMatch(
      /too many (guide questions|feed requests|event batches|events|purchase events) from/,
    );
  }

  it("answers 429 with Retry-After on the GET fast path (guide.ask) once the address is over its limit", async () => {
    for (let i = 0; i < 2; i++) expect((await fetch(guideUrl())).status).toBe(200);
    await expectTooManyRequests(await fetch(guideUrl()));
  });

  it("answers 429 on the feed once the address is over its limit, and logs no impressions for a refused feed", async () => {
    const feedUrl = `${baseUrl}/recommendations.feed?input=${encode({ k: 6 })}`;
    for (let i = 0; i < 2; i++) expect((await fetch(feedUrl)).status).toBe(200);
    const logged = await database.db.impression.count();
    await expectTooManyRequests(await fetch(feedUrl, { headers: { cookie: "jg_shopper=a-different-cookie" } }));
    expect(await database.db.impression.count()).toBe(logged);
  });

  it("answers 429 with Retry-After on tRPC's own handler (POST events.log); a new cookie does not reset it", async () => {
    for (let i = 0; i < 2; i++) expect((await postEvents()).status).toBe(200);
    await expectTooManyRequests(await postEvents({ cookie: "jg_shopper=a-different-cookie" }));
  });

  it("counts each event of a batch and each purchase line: large batches hit the limit, and nothing of them is stored", async () => {
    const generous = { windowMs: 60_000, perShopper: 100, perAddress: 100 };
    limiter = createRateLimiter({
      policies: {
        events: generous,
        eventItems: { windowMs: 60_000, perShopper: 1000, perAddress: 150 },
        purchases: { windowMs: 60_000, perShopper: 1000, perAddress: 2 },
      },
    });
    const batch = (type: "view" | "purchase", count: number) =>
      fetch(`${baseUrl}/events.log`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(
          superjson.serialize({
            events: Array.from({ length: count }, () => ({ idempotencyKey: crypto.randomUUID(), type, productId })),
          }),
        ),
      });
    const stored = () => database.db.interaction.count({ where: { source: "web" } });
    const before = await stored();
    expect((await batch("view", 100)).status).toBe(200);
    await expectTooManyRequests(await batch("view", 100));
    expect(await stored()).toBe(before + 100);
    await database.db.rateLimitCounter.deleteMany();
    expect((await batch("purchase", 2)).status).toBe(200);
    await expectTooManyRequests(await batch("purchase", 1));
    expect(await stored()).toBe(before + 102);
  });

  it("exempts the worker's own traffic (worker token)", async () => {
    const worker = { [WORKER_TOKEN_HEADER]: TEST_SECRETS.workerToken };
    for (let i = 0; i < 4; i++) expect((await fetch(guideUrl(), { headers: worker })).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await postEvents(worker)).status).toBe(200);
    expect((await postEvents({ [WORKER_TOKEN_HEADER]: "a guessed token" })).status).toBe(200);
    expect((await postEvents({ [WORKER_TOKEN_HEADER]: "a guessed token" })).status).toBe(200);
    expect((await postEvents({ [WORKER_TOKEN_HEADER]: "a guessed token" })).status).toBe(429);
  });

  it("refuses a batch of more than 10 calls with 400 on both paths, and answers one of 10", async () => {
    const pages = (count: number) => {
      const paths = Array.from({ length: count }, () => "catalog.listProducts").join(",");
      const inputs = Object.fromEntries(Array.from({ length: count }, (_, i) => [i, superjson.serialize({})]));
      return `${baseUrl}/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`;
    };
    const ten = await fetch(pages(10));
    expect(ten.status).toBe(200);
    const eleven = await fetch(pages(11));
    expect(eleven.status).toBe(400);
    expect(await eleven.text()).toMatch(/at most 10 calls, this one has 11/);
    const events = Array.from({ length: 11 }, () => "events.log").join(",");
    const post = await fetch(`${baseUrl}/${events}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(post.status).toBe(400);
    expect(await post.text()).toMatch(/at most 10 calls, this one has 11/);
    expect(await database.db.rateLimitCounter.count()).toBe(0);
  });

  it("reads the body itself: deeply nested input is a 400, a body over 1 MiB a 413, never a 500", async () => {
    const post = (body: string) =>
      fetch(`${baseUrl}/events.log`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect((await post(`{"json":${"[".repeat(100_000)}${"]".repeat(100_000)}}`)).status).toBe(400);
    expect((await post(`{"json":"${"x".repeat(1024 * 1024)}"}`)).status).toBe(413);
  });

  it("refuses a cross-origin mutation with 403 before it runs, and lets same-origin and worker requests through", async () => {
    const host = new URL(baseUrl).host;
    const evil = await postEvents({ origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    const body = (await evil.json()) as { error: { json: { message: string; data: { code: string } } } };
    expect(body.error.json.data.code).toBe("FORBIDDEN");
    expect(body.error.json.message).toMatch(/cross-origin request refused: Origin https:\/\/evil\.example/);
    expect((await postEvents({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await postEvents({ origin: "null" })).status).toBe(403);
    expect(await database.db.rateLimitCounter.count()).toBe(0);
    expect((await postEvents({ origin: `http://${host}`, "sec-fetch-site": "same-origin" })).status).toBe(200);
    const worker = { origin: "https://evil.example", [WORKER_TOKEN_HEADER]: TEST_SECRETS.workerToken };
    expect((await postEvents(worker)).status).toBe(200);
    // Queries change nothing: a GET from another origin is answered.
    expect((await fetch(guideUrl(), { headers: { origin: "https://evil.example" } })).status).toBe(200);
  });
});

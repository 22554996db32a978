import { createApiKey, revokeApiKey } from "@jewelguide/db";
import { describeReason } from "@jewelguide/i18n";
import { afterAll, beforeAll, describe, expect, it as vitestIt } from "vitest";
import { createRateLimiter, type RateLimiter } from "../security/rate-limit/create-rate-limiter";
import { startShopApiServer } from "../test/start-shop-api-server";
import { testDialects } from "../test/test-dialects";
import { useSeededShop } from "../test/use-seeded-shop";
import { FeedSchema, SimilarItemsSchema } from "./read-output-schemas";

const operator = { name: "worker:test@host", role: "operator" } as const;

describe.each(testDialects)("the shop backends' HTTP API on $name", (dialect) => {
  const it = vitestIt.skipIf(dialect.skip);
  const fixture = useSeededShop(dialect, { publish: "itemknn" });
  let server: Awaited<ReturnType<typeof startShopApiServer>> | undefined;
  let baseUrl: string;
  let limiter: RateLimiter | undefined;
  const keys = { read: "", write: "", revoked: "" };

  beforeAll(async () => {
    if (dialect.skip) return;
    const db = fixture.database.db;
    keys.read = (await createApiKey(db, operator, { name: "storefront", scope: "read" })).secret;
    keys.write = (await createApiKey(db, operator, { name: "order-sync", scope: "write" })).secret;
    const revoked = await createApiKey(db, operator, { name: "old", scope: "read" });
    await revokeApiKey(db, operator, revoked.id);
    keys.revoked = revoked.secret;
    // The shop's language: a read that names no locale is answered in it.
    server = await startShopApiServer({
      runtime: () => fixture.runtime,
      defaultLanguage: () => "en",
      rateLimiter: () => limiter ?? fixture.runtime.rateLimiter,
    });
    baseUrl = server.baseUrl;
  });
  afterAll(async () => {
    await server?.close();
  });

  const post = async (path: string, key: string | undefined, body: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    // biome-ignore lint/suspicious/noExplicitAny: a reply's JSON, read by the assertions field by field
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };

  it("serves its OpenAPI document to anyone, and sets no cookie", async () => {
    const response = await fetch(`${baseUrl}/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBeNull();
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(["/recommendations", "/similar", "/guide", "/events", "/products"]);
  });

  it("refuses a missing, wrong or revoked key (401) and a key of the other scope (403)", async () => {
    const body = { customerId: "c-1" };
    const missing = await post("/recommendations", undefined, body);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect(missing.body.error.code).toBe("UNAUTHORIZED");
    const wrong = await post("/recommendations", `${keys.read.slice(0, -2)}xx`, body);
    expect(wrong).toMatchObject({ status: 401, body: { error: { message: "unknown API key" } } });
    expect((await post("/recommendations", keys.revoked, body)).body.error.message).toBe("this API key was revoked");
    const readOnWrite = await post("/events", keys.read, { events: [] });
    expect(readOnWrite).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
    expect((await post("/recommendations", keys.write, body)).status).toBe(403);
    expect(
      (await fetch(`${baseUrl}/recommendations`, { headers: { authorization: `Bearer ${keys.read}` } })).status,
    ).toBe(405);
    expect((await post("/nothing", keys.read, body)).status).toBe(404);
  });

  it("answers reads for a customer named by the backend, with the tRPC procedures' validation", async () => {
    const feed = await post("/recommendations", keys.read, { customerId: fixture.shop.ringBuyer, k: 5, locale: "en" });
    expect(feed.status).toBe(200);
    expect(feed.body.personalised).toBe(true);
    expect(feed.body.items).toHaveLength(5);
    // The reply is what the OpenAPI document says it is.
    expect(FeedSchema.strict().safeParse(feed.body).error).toBeUndefined();
    expect(feed.body.items.map((item: { sku: string }) => item.sku)).not.toContain(fixture.shop.boughtSku);
    // The reasons come written out in the language asked for.
    expect(feed.body.items[0].why).toMatch(/^Similar to “ring \d”, which you bought$/);
    const similar = await post("/similar", keys.read, { sku: "ring-2", k: 3 });
    expect(similar).toMatchObject({ status: 200, body: { anchorId: fixture.shop.ids.get("ring-2") } });
    expect(SimilarItemsSchema.strict().safeParse(similar.body).error).toBeUndefined();
    for (const item of similar.body.items) expect(item.why).toBe(describeReason(item.reason, "en"));
    const similarZh = await post("/similar", keys.read, { sku: "ring-2", k: 3, locale: "zh" });
    for (const item of similarZh.body.items) expect(item.why).toBe(describeReason(item.reason, "zh"));
    const guide = await post("/guide", keys.read, { text: "gold ring", k: 3, locale: "en" });
    expect(guide.status).toBe(200);
    expect(guide.body.items.every((item: { category: string }) => item.category === "ring")).toBe(true);
    expect(guide.body.chips).toEqual([
      { field: "category", value: "ring", filters: true, label: "Ring" },
      { field: "metal", value: "gold", filters: true, label: "Gold" },
    ]);
    expect(guide.body.items[0].why).toMatch(/^Matches Ring · Gold; /);
    // A conversation: the follow-ups edit the first turn (gold rings 2, 4, 6, 8; ring-8 is a men's piece).
    const talk = await post("/guide", keys.read, { turns: ["gold ring", "not for men", "under $1500"], locale: "en" });
    expect(talk.status).toBe(200);
    expect(talk.body.turns.map((turn: { kind: string }) => turn.kind)).toEqual(["new-request", "edit", "edit"]);
    expect(talk.body.chips.find((chip: { field: string }) => chip.field === "excluded")).toEqual({
      field: "excluded",
      value: ["gender:male"],
      filters: true,
      label: "Not: men's pieces",
    });
    expect(talk.body.items.map((item: { sku: string }) => item.sku).sort()).toEqual(["ring-2", "ring-4"]);
    const both = await post("/guide", keys.read, { text: "ring", turns: ["necklace"] });
    expect(both.status).toBe(400);
    expect(both.body.error.issues).toEqual([
      expect.objectContaining({ field: "turns", message: expect.stringMatching(/either text .* or turns/) }),
    ]);
    const bad = await post("/recommendations", keys.read, { customerId: "no spaces allowed", k: 99, shopperId: "x" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((issue: { field: string }) => issue.field).sort()).toEqual([
      "customerId",
      "k",
      "shopperId",
    ]);
    expect((await post("/guide", keys.read, "{not json")).status).toBe(400);
    const huge = await post("/guide", keys.read, JSON.stringify({ text: "x".repeat(1024 * 1024) }));
    expect(huge).toMatchObject({ status: 413, body: { error: { code: "PAYLOAD_TOO_LARGE" } } });
  });

  it("stores a batch's good events, lists the bad rows by index and field, and stores nothing on re-send", async () => {
    const db = fixture.database.db;
    const served = await post("/recommendations", keys.read, { customerId: "api-customer-1", k: 2 });
    const first = served.body.items[0] as { id: number; sku: string; attribution: string };
    const events = [
      { eventId: "e1", customerId: "api-customer-1", type: "click", sku: first.sku, attribution: first.attribution },
      { eventId: "e2", customerId: "api-customer-1", type: "refund", sku: "ring-2" },
      { eventId: "e3", customerId: "api-customer-1", type: "view", sku: "no-such-sku" },
      {
        eventId: "e4",
        customerId: "api-customer-2",
        type: "purchase",
        sku: "ring-4",
        quantity: 2,
        orderId: "o-9",
        price: 1,
      },
      { eventId: "e5", customerId: "api-customer-2", type: "purchase", sku: "ring-4", quantity: 2, orderId: "o-9" },
      { eventId: "e6", type: "view", sku: "ring-2" },
      { eventId: "e1", customerId: "api-customer-1", type: "click", sku: first.sku },
    ];
    const reply = await post("/events", keys.write, { events });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      received: 7,
      stored: 2,
      duplicates: 1,
      unattributed: 0,
      errors: [
        { index: 1, field: "type", message: expect.any(String) },
        { index: 2, field: "sku", message: 'unknown SKU "no-such-sku"' },
        { index: 3, field: "price", message: expect.any(String) },
        { index: 5, field: "customerId", message: expect.any(String) },
      ],
    });
    const stored = await db.interaction.findMany({
      where: { source: "api" },
      orderBy: { id: "asc" },
      select: { type: true, price: true, quantity: true, requestId: true, slot: true, context: true, productId: true },
    });
    expect(stored).toEqual([
      {
        type: "click",
        price: null,
        quantity: 1,
        requestId: served.body.requestId,
        slot: 0,
        context: { surface: "feed" },
        productId: first.id,
      },
      {
        type: "purchase",
        price: 960,
        quantity: 2,
        requestId: null,
        slot: null,
        context: { currency: "USD" },
        productId: fixture.shop.ids.get("ring-4"),
      },
    ]);
    const again = await post("/events", keys.write, { events });
    expect(again.body).toMatchObject({ received: 7, stored: 0, duplicates: 3 });
    expect(await db.interaction.count({ where: { source: "api" } })).toBe(2);
    const customer = await db.user.findUniqueOrThrow({ where: { externalId: "api-customer-2" } });
    expect(customer.attributes).toEqual({ origin: "shop-backend" });
  });

  it("upserts products by SKU, reads values through the lexicon, lists bad rows, and changes nothing on re-send", async () => {
    const db = fixture.database.db;
    const products = [
      {
        sku: "api-ring-1",
        titleEn: "API ring",
        category: "Rings",
        metal: "18K白金",
        gem: "Cubic Zirconia",
        price: 120,
      },
      { sku: "ring-3", titleEn: "ring 3 renamed", category: "ring", price: 660, inStock: false },
      { sku: "api-bad", titleEn: "bad", category: "ring", price: -1 },
      { sku: "api-ring-1", titleEn: "again", category: "ring", price: 1 },
      { sku: "api-url", titleEn: "url", category: "ring", price: 5, imageUrl: "javascript:alert(1)" },
      {
        sku: "api-bronze",
        titleEn: "Bronze cuff",
        category: "tiara",
        metal: "yellow gold, diamonds",
        color: "bronze",
        price: 80,
      },
    ];
    const reply = await post("/products", keys.write, { products });
    expect(reply.body).toEqual({
      received: 6,
      created: 2,
      updated: 1,
      unchanged: 0,
      errors: [
        { index: 2, field: "price", message: expect.any(String) },
        { index: 3, field: "sku", message: "SKU already in this batch at index 0" },
        { index: 4, field: "imageUrl", message: expect.any(String) },
      ],
      warnings: [{ index: 5, field: "color", message: '"bronze" not in the lexicon: kept as attributes.color' }],
    });
    expect(await db.product.findUniqueOrThrow({ where: { sku: "api-ring-1" } })).toMatchObject({
      titleZh: "API ring",
      category: "ring",
      metal: "white-gold",
      gem: "cubic-zirconia",
      currency: "USD",
      inStock: true,
      source: "catalog",
    });
    // A multi-valued metal also gives the gem; an unknown colour is kept in attributes, the product stored.
    expect(await db.product.findUniqueOrThrow({ where: { sku: "api-bronze" } })).toMatchObject({
      category: "other",
      metal: "gold",
      gem: "diamond",
      color: null,
      attributes: { color: "bronze" },
    });
    const renamed = await db.product.findUniqueOrThrow({ where: { sku: "ring-3" } });
    expect(renamed).toMatchObject({ titleEn: "ring 3 renamed", titleZh: "ring3号", inStock: false, metal: "silver" });
    const again = await post("/products", keys.write, { products });
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect((await db.product.findUniqueOrThrow({ where: { sku: "ring-3" } })).updatedAt).toEqual(renamed.updatedAt);
  });

  it("limits each key and address (429 with Retry-After), and counts guessed keys per address", async () => {
    // An hour ahead of the wall clock: the earlier tests' counters (real time) have expired by then.
    const later = Date.now() + 3_600_000;
    limiter = createRateLimiter({
      policies: {
        apiReads: { windowMs: 60_000, perShopper: 2, perAddress: 100 },
        apiWrites: { windowMs: 60_000, perShopper: 100, perAddress: 100 },
        apiRows: { windowMs: 60_000, perShopper: 3, perAddress: 100 },
      },
      now: () => later,
    });
    try {
      const ask = () => post("/similar", keys.read, { sku: "ring-2" });
      expect((await ask()).status).toBe(200);
      expect((await ask()).status).toBe(200);
      const limited = await ask();
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("60");
      expect(limited.body.error.message).toContain("from this API key");
      const rows = (n: number) =>
        Array.from({ length: n }, (_, i) => ({ eventId: `rl-${i}`, customerId: "c", type: "view", sku: "ring-2" }));
      expect((await post("/events", keys.write, { events: rows(3) })).status).toBe(200);
      expect((await post("/events", keys.write, { events: rows(1) })).status).toBe(429);
      // Guessing keys: each failed key counts against the address; past its limit the answer is 429, not 401.
      limiter = createRateLimiter({
        policies: { apiReads: { windowMs: 60_000, perShopper: 100, perAddress: 2 } },
        now: () => later + 120_000,
      });
      const guess = () => post("/similar", `jg_${"A".repeat(43)}`, { sku: "ring-2" });
      expect((await guess()).status).toBe(401);
      expect((await guess()).status).toBe(401);
      expect((await guess()).status).toBe(429);
    } finally {
      limiter = undefined;
    }
  });
});

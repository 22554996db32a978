import crypto from "node:crypto";
import { createDb, hashApiKeySecret } from "@jewelguide/db";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../src/paths";

/*
 * The shop backends' HTTP API through the production build and serve.mjs: the Next route, its headers and the key
 * checks. Keys are written straight into the e2e database (as `worker api-key create` stores them, SHA-256 only)
 * rather than through the worker, so the dashboard test's audit log keeps exactly its own entries.
 */
const newKey = () => `jg_${crypto.randomBytes(32).toString("base64url")}`;
const keys = { read: newKey(), write: newKey(), revoked: newKey() };
let sku = "";

test.beforeAll(async () => {
  const { db } = createDb(e2eDatabaseUrl);
  try {
    for (const [scope, secret, revokedAt] of [
      ["read", keys.read, null],
      ["write", keys.write, null],
      ["read", keys.revoked, new Date()],
    ] as const) {
      await db.apiKey.create({
        data: {
          name: `e2e-${scope}`,
          scope,
          keyHash: hashApiKeySecret(secret),
          keyPrefix: secret.slice(0, 9),
          revokedAt,
        },
      });
    }
    sku = (await db.product.findFirstOrThrow({ where: { inStock: true }, select: { sku: true } })).sku;
  } finally {
    await db.$disconnect();
  }
});

test("serves the generated OpenAPI document, without a shopper cookie, with the non-page CSP", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["set-cookie"]).toBeUndefined();
  expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
  const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toEqual(["/recommendations", "/similar", "/guide", "/events", "/products"]);
});

test("refuses a wrong or revoked key (401) and a read key on a write endpoint (403)", async ({ request }) => {
  const call = (path: string, key: string, data: unknown) =>
    request.post(`/api/v1${path}`, { headers: { authorization: `Bearer ${key}` }, data });
  const wrong = await call("/recommendations", newKey(), { customerId: "e2e-api-1" });
  expect(wrong.status()).toBe(401);
  expect(wrong.headers()["www-authenticate"]).toContain("Bearer");
  expect(await (await call("/recommendations", keys.revoked, { customerId: "e2e-api-1" })).json()).toMatchObject({
    error: { code: "UNAUTHORIZED", message: "this API key was revoked" },
  });
  expect((await call("/events", keys.read, { events: [{}] })).status()).toBe(403);
});

test("answers a customer's recommendations and stores an event batch once, listing its bad rows", async ({
  request,
}) => {
  const call = (path: string, key: string, data: unknown) =>
    request.post(`/api/v1${path}`, { headers: { authorization: `Bearer ${key}` }, data });
  const feed = await call("/recommendations", keys.read, { customerId: "e2e-api-1", k: 4 });
  expect(feed.status()).toBe(200);
  expect(((await feed.json()) as { items: unknown[] }).items).toHaveLength(4);
  const events = [
    { eventId: "e2e-1", customerId: "e2e-api-1", type: "view", sku },
    { eventId: "e2e-2", customerId: "e2e-api-1", type: "view", sku, price: 1 },
  ];
  const first = await call("/events", keys.write, { events });
  expect(await first.json()).toEqual({
    received: 2,
    stored: 1,
    duplicates: 0,
    unattributed: 0,
    errors: [{ index: 1, field: "price", message: expect.any(String) }],
  });
  expect(await (await call("/events", keys.write, { events })).json()).toMatchObject({ stored: 0, duplicates: 1 });
});

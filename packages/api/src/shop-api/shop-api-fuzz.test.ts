import { createApiKey } from "@jewelguide/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter } from "../security/rate-limit/create-rate-limiter";
import { startShopApiServer } from "../test/start-shop-api-server";
import { testDialects } from "../test/test-dialects";
import { useSeededShop } from "../test/use-seeded-shop";

/**
 * Abuse: seeded random and hostile bodies against every endpoint of the shop backends' HTTP API. Whatever arrives,
 * the reply is a JSON object with a 2xx or a 4xx — never a 5xx, never a stack trace — and a 4xx names its error code.
 * The limiter is generous so the bodies, not the rate limits, are what gets tested.
 */
const ENDPOINTS = ["/recommendations", "/similar", "/guide", "/events", "/products"] as const;
const operator = { name: "worker:fuzz@host", role: "operator" } as const;

function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  return { next, pick };
}

const HOSTILE_STRINGS = [
  "",
  " ",
  "x".repeat(5000),
  "__proto__",
  "constructor",
  "<script>alert(1)</script>",
  '\'; DROP TABLE "Product"; --',
  "💍".repeat(300),
  "送妈妈的金手镯 预算3000",
  "\u0000\u0001\ud800",
  "NaN",
  "-1",
  "1e309",
];

function randomValue(random: ReturnType<typeof createRandom>, depth: number): unknown {
  const kind = random.pick(["string", "number", "boolean", "null", "array", "object", "known"] as const);
  switch (kind) {
    case "string":
      return random.pick(HOSTILE_STRINGS);
    case "number":
      return random.pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, 12]);
    case "boolean":
      return random.next() < 0.5;
    case "null":
      return null;
    case "array":
      return depth > 2
        ? []
        : Array.from({ length: Math.floor(random.next() * 4) }, () => randomValue(random, depth + 1));
    default:
      return depth > 2 ? {} : randomObject(random, depth + 1);
  }
}

const FIELDS = ["customerId", "sku", "k", "text", "locale", "events", "products", "eventId", "type", "price"];

function randomObject(random: ReturnType<typeof createRandom>, depth: number): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  const count = Math.floor(random.next() * 5);
  for (let i = 0; i < count; i++) {
    const key = random.next() < 0.8 ? random.pick(FIELDS) : random.pick(HOSTILE_STRINGS);
    Object.defineProperty(object, key, { value: randomValue(random, depth), enumerable: true, writable: true });
  }
  return object;
}

const sqlite = testDialects.filter((dialect) => dialect.name === "sqlite");

describe.each(sqlite)("the shop backends' HTTP API under random and hostile bodies ($name)", (dialect) => {
  const fixture = useSeededShop(dialect, { publish: "itemknn" });
  let server: Awaited<ReturnType<typeof startShopApiServer>> | undefined;
  let baseUrl: string;
  const keys = { read: "", write: "" };
  const limiter = createRateLimiter({
    policies: {
      apiReads: { windowMs: 60_000, perShopper: 100_000, perAddress: 100_000 },
      apiWrites: { windowMs: 60_000, perShopper: 100_000, perAddress: 100_000 },
      apiRows: { windowMs: 60_000, perShopper: 1_000_000, perAddress: 1_000_000 },
    },
  });

  beforeAll(async () => {
    const db = fixture.database.db;
    keys.read = (await createApiKey(db, operator, { name: "fuzz-read", scope: "read" })).secret;
    keys.write = (await createApiKey(db, operator, { name: "fuzz-write", scope: "write" })).secret;
    server = await startShopApiServer({
      runtime: () => fixture.runtime,
      defaultLanguage: () => "zh",
      rateLimiter: () => limiter,
    });
    baseUrl = server.baseUrl;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("never answers a 5xx and always answers JSON with an error code on a 4xx (300 seeded bodies)", async () => {
    const random = createRandom(20261206);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let round = 0; round < 300; round++) {
      const endpoint = random.pick(ENDPOINTS);
      const key = endpoint === "/events" || endpoint === "/products" ? keys.write : keys.read;
      const shape = random.next();
      const body =
        shape < 0.1
          ? random.pick(["{", "[]", "null", "1", '"text"', '{"events": [', "\u0000"])
          : shape < 0.55
            ? JSON.stringify(randomObject(random, 0))
            : JSON.stringify({
                [endpoint === "/events" ? "events" : endpoint === "/products" ? "products" : "customerId"]:
                  endpoint === "/events" || endpoint === "/products"
                    ? Array.from({ length: 1 + Math.floor(random.next() * 3) }, () => randomObject(random, 1))
                    : random.pick(HOSTILE_STRINGS),
                ...randomObject(random, 1),
              });
      const response = await fetch(`${baseUrl}${endpoint}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body,
      });
      const text = await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      const errorCode = (parsed as { error?: { code?: unknown } } | undefined)?.error?.code;
      const ok = response.status >= 200 && response.status < 300;
      if (response.status >= 500 || typeof parsed !== "object" || parsed === null || /\bat .+:\d+:\d+/.test(text)) {
        failures.push(`${endpoint} ${response.status} ${body.slice(0, 120)} → ${text.slice(0, 200)}`);
      } else if (!ok && typeof errorCode !== "string") {
        failures.push(`${endpoint} ${response.status} without an error code: ${text.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    // The bodies reach validation and some get through: the test exercises more than the front door.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(50);
    expect([...statuses.keys()].some((status) => status >= 200 && status < 300)).toBe(true);
  });
});

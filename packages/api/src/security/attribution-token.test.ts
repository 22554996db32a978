import { describe, expect, it } from "vitest";
import { ATTRIBUTION_MAX_AGE_MS, type Attribution, signAttribution, verifyAttribution } from "./attribution-token";
import { deriveServerSecrets } from "./server-secrets";

const key = deriveServerSecrets("attribution-test-secret-0123456789abcdef").attributionKey;
const otherKey = deriveServerSecrets("another-shop-secret-abcdefghijklmnopqrstu").attributionKey;
const NOW = Date.parse("2026-12-06T12:00:00Z");
const served: Attribution = {
  requestId: "5f0c8a9e-1d2b-4c3d-8e4f-a1b2c3d4e5f6",
  modelVersionId: 7,
  surface: "feed",
  slot: 3,
  productId: 42,
};
const expected = { shopperExternalId: "w_alice", productId: 42, key, now: NOW };

describe("attribution tokens", () => {
  it("round-trips what was served to that shopper, with or without a model version", () => {
    const token = signAttribution(served, "w_alice", key, NOW);
    expect(token).toMatch(/^a1\.[A-Za-z0-9.-]+\.[A-Za-z0-9_-]{22}$/);
    expect(verifyAttribution(token, expected)).toEqual(served);
    const fallback = { ...served, modelVersionId: null, surface: "bought-together" as const };
    expect(verifyAttribution(signAttribution(fallback, "w_alice", key, NOW), expected)).toEqual(fallback);
  });

  it("accepts a token for a day, then refuses it; refuses one issued in the future", () => {
    const token = signAttribution(served, "w_alice", key, NOW);
    expect(verifyAttribution(token, { ...expected, now: NOW + ATTRIBUTION_MAX_AGE_MS - 1000 })).toEqual(served);
    expect(verifyAttribution(token, { ...expected, now: NOW + ATTRIBUTION_MAX_AGE_MS + 1000 })).toBeNull();
    expect(verifyAttribution(token, { ...expected, now: NOW - 60 * 60 * 1000 })).toBeNull();
  });

  it("refuses another shopper's token, another product, another key, and any altered field", () => {
    const token = signAttribution(served, "w_alice", key, NOW);
    expect(verifyAttribution(token, { ...expected, shopperExternalId: "w_bob" })).toBeNull();
    expect(verifyAttribution(token, { ...expected, productId: 43 })).toBeNull();
    expect(verifyAttribution(signAttribution(served, "w_alice", otherKey, NOW), expected)).toBeNull();
    const parts = token.split(".");
    const alter = (index: number, value: string) => parts.map((part, i) => (i === index ? value : part)).join(".");
    for (const altered of [
      alter(2, "8"),
      alter(2, ""),
      alter(3, "guide"),
      alter(4, "0"),
      alter(5, "43"),
      alter(6, (NOW / 1000 + 3600).toString(36)),
      alter(7, "A".repeat(22)),
      `${token}.x`,
      "a1.....",
      "",
      "x".repeat(300),
    ]) {
      expect(verifyAttribution(altered, expected), altered).toBeNull();
    }
  });
});

import { describe, expect, it } from "vitest";
import { buildProductHref, parseRecommendationRef } from "./recommendation-ref";

const TOKEN = "a1.5f0c8a9e-1d2b-4c3d-8e4f-a1b2c3d4e5f6.7.feed.3.42.t0abc1.AbCdEfGhIjKlMnOpQrStUv";

describe("the recommendation ref in product links", () => {
  it("carries the served item's attribution to the product page and back", () => {
    const href = buildProductHref(42, TOKEN);
    expect(href).toBe(`/products/42?ref=${TOKEN}`);
    const params = Object.fromEntries(new URL(href, "http://shop.test").searchParams);
    expect(parseRecommendationRef(params)).toBe(TOKEN);
    expect(buildProductHref(42)).toBe("/products/42");
  });

  it("passes on nothing that is not shaped like an attribution (the server verifies the rest)", () => {
    for (const ref of [undefined, "", "feed", "a1.<script>", ["a1.x", "a1.y"], `a1.${"x".repeat(300)}`]) {
      expect(parseRecommendationRef({ ref })).toBeNull();
    }
  });
});

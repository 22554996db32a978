import { describe, expect, it } from "vitest";
import { buildShopHref, parseShopSearchParams } from "./shop-search-params";

describe("parseShopSearchParams", () => {
  it("keeps valid values and drops the rest", () => {
    expect(
      parseShopSearchParams({ category: "ring", metal: "gold", page: "3", sort: "price-asc", q: " pearl " }),
    ).toEqual({
      category: "ring",
      metal: "gold",
      page: 3,
      sort: "price-asc",
      q: "pearl",
    });
    expect(
      parseShopSearchParams({ category: "tiara", metal: ["silver", "gold"], page: "-1", sort: "x", q: "" }),
    ).toEqual({
      category: undefined,
      metal: "silver",
      page: undefined,
      sort: undefined,
      q: undefined,
    });
  });
});

describe("buildShopHref", () => {
  it("resets the page when a filter changes and keeps it when paging", () => {
    const current = { category: "ring" as const, page: 4 };
    expect(buildShopHref(current, { metal: "gold" })).toBe("/?category=ring&metal=gold");
    expect(buildShopHref(current, { page: 5 })).toBe("/?category=ring&page=5");
    expect(buildShopHref(current, { category: undefined })).toBe("/");
    expect(buildShopHref({}, { page: 1 })).toBe("/");
  });
});

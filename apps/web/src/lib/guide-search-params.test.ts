import { describe, expect, it } from "vitest";
import { buildGuideHref, buildRemoveChipHref, parseGuideSearchParams } from "./guide-search-params";

describe("the guide's URL state", () => {
  it("reads the conversation from the repeated q, in order, empty first turn included", () => {
    expect(parseGuideSearchParams({ q: ["送妈妈的金项链", " 便宜一点 "] }).q).toEqual(["送妈妈的金项链", "便宜一点"]);
    expect(parseGuideSearchParams({ q: "gold ring" }).q).toEqual(["gold ring"]);
    expect(parseGuideSearchParams({ q: ["", "cheaper"], metal: "gold" })).toMatchObject({
      q: ["", "cheaper"],
      metal: "gold",
    });
    expect(parseGuideSearchParams({}).q).toEqual([]);
  });

  it("reads one turn more than the guide answers, so the page can say the conversation is too long", () => {
    const many = Array.from({ length: 30 }, (_, i) => `turn ${i}`);
    expect(parseGuideSearchParams({ q: many }).q).toHaveLength(11);
  });

  it("ignores a conversation with a turn longer than the guide accepts, and keeps the rest of the state", () => {
    expect(parseGuideSearchParams({ q: ["x".repeat(501)], metal: "gold" })).toMatchObject({ q: [], metal: "gold" });
  });

  it("writes every turn as its own q, so the URL replays the conversation", () => {
    const params = parseGuideSearchParams({ q: ["gold ring", "cheaper"], budget: "0-3000-CNY" });
    const href = buildGuideHref(params, {});
    expect(href).toBe("/guide?q=gold+ring&q=cheaper&budget=0-3000-CNY");
    const url = new URL(href, "http://shop.test");
    expect(parseGuideSearchParams({ q: url.searchParams.getAll("q"), budget: "0-3000-CNY" })).toEqual(params);
  });

  it("removes a chip by one more turn in the shopper's language", () => {
    const params = parseGuideSearchParams({ q: ["gold ring", "no diamonds"] });
    expect(buildRemoveChipHref(params, { field: "metal", value: "gold" }, "en")).toBe(
      "/guide?q=gold+ring&q=no+diamonds&q=any+metal",
    );
    const zh = buildRemoveChipHref(params, { field: "excluded", value: ["gem:diamond"] }, "zh");
    expect(new URL(zh, "http://shop.test").searchParams.getAll("q")).toEqual([
      "gold ring",
      "no diamonds",
      "钻石也可以",
    ]);
  });
});

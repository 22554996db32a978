import { describe, expect, it } from "vitest";
import { describeConstraint, describeGuidePick } from "./describe-constraint";

const budget = { min: null, max: 5000, currency: "CNY", minCatalog: null, maxCatalog: 694.44 };

describe("describeConstraint", () => {
  it("names catalog values from the vocabulary and context values from the lexicon, raw values as written", () => {
    expect(describeConstraint({ field: "category", value: "bracelet" }, "zh")).toBe("手链");
    expect(describeConstraint({ field: "metal", value: "silver" }, "en")).toBe("Silver");
    expect(describeConstraint({ field: "recipient", value: "mother" }, "zh")).toBe("妈妈");
    expect(describeConstraint({ field: "gem", value: "unobtainium" }, "en")).toBe("unobtainium");
    expect(describeConstraint({ field: "gender", value: "female" }, "zh")).toBe("女款（不含男款）");
    expect(describeConstraint({ field: "gender", value: "male" }, "en")).toBe("For him (women's pieces left out)");
  });

  it("lists what the shopper said no to in one chip", () => {
    const excluded = { field: "excluded", value: ["gem:diamond", "gender:male", "metal:rose-gold"] } as const;
    expect(describeConstraint({ ...excluded, value: [...excluded.value] }, "zh")).toBe("不要：钻石、男款、玫瑰金");
    expect(describeConstraint({ ...excluded, value: [...excluded.value] }, "en")).toBe(
      "Not: Diamond, men's pieces, Rose gold",
    );
  });

  it("writes a budget with the one price format, converted to the catalog's USD unless stated in USD", () => {
    expect(describeConstraint({ field: "price", value: budget }, "zh")).toBe("¥5,000.00 以内（约 US$694.44）");
    expect(describeConstraint({ field: "price", value: budget }, "en")).toBe("up to CN¥5,000.00 (≈ $694.44)");
    const usd = { min: 300, max: 1000, currency: "USD", minCatalog: 300, maxCatalog: 1000 };
    expect(describeConstraint({ field: "price", value: usd }, "en")).toBe("$300.00–$1,000.00");
    const from = { min: 300, max: null, currency: "USD", minCatalog: 300, maxCatalog: null };
    expect(describeConstraint({ field: "price", value: from }, "zh")).toBe("US$300.00 以上");
  });
});

describe("describeGuidePick", () => {
  it("puts the matched chips before the reason, or the reason alone", () => {
    const matched = [
      { field: "category", value: "earring" },
      { field: "metal", value: "silver" },
    ] as const;
    const reason = { kind: "from-history", interactions: 4 } as const;
    expect(describeGuidePick(matched, reason, "en")).toBe(
      "Matches Earrings · Silver; Picked from your 4 past views and purchases",
    );
    expect(describeGuidePick(matched, reason, "zh")).toBe("符合：耳饰 · 银；根据您的 4 次浏览与购买记录推荐");
    expect(describeGuidePick([], reason, "en")).toBe("Picked from your 4 past views and purchases");
  });
});

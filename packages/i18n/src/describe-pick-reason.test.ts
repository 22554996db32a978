import { describe, expect, it } from "vitest";
import { describeReason } from "./describe-pick-reason";

const anchor = { anchorTitleZh: "戒指3号", anchorTitleEn: "ring 3" };

describe("describeReason", () => {
  it("writes every reason code in both languages with its numbers", () => {
    expect(describeReason({ kind: "similar-to-recent", ...anchor, action: "purchase" }, "en")).toBe(
      "Similar to “ring 3”, which you bought",
    );
    expect(describeReason({ kind: "similar-to-recent", ...anchor, action: "view" }, "zh")).toBe(
      "与您浏览过的「戒指3号」相似",
    );
    expect(describeReason({ kind: "from-history", interactions: 7 }, "en")).toBe(
      "Picked from your 7 past views and purchases",
    );
    expect(describeReason({ kind: "popular-in-category", category: "ring", purchases: 12 }, "en")).toBe(
      "Popular in ring: 12 sold",
    );
    expect(describeReason({ kind: "popular-in-category", category: "ring", purchases: 12 }, "zh")).toBe(
      "戒指热卖：已售 12 件",
    );
    expect(describeReason({ kind: "in-category", category: "odd-thing" }, "en")).toBe(
      "In stock in odd-thing, not yet purchased",
    );
    expect(describeReason({ kind: "bought-together", ...anchor, orders: 3 }, "zh")).toBe(
      "3 笔订单里与「戒指3号」一起购买",
    );
    expect(describeReason({ kind: "exploring" }, "en")).toBe(
      "New to you — we're still learning about this piece, so it gets a turn in your feed",
    );
    expect(describeReason({ kind: "exploring" }, "zh")).toBe(
      "新发现：我们还在了解这件珠宝，所以让它在您的推荐里露个面",
    );
    expect(describeReason({ kind: "similar-item", ...anchor, similarity: 0.8123 }, "en")).toBe(
      "Similar to “ring 3” (similarity 0.81)",
    );
  });
});

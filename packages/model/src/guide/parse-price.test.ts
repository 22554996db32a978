import { describe, expect, it } from "vitest";
import { normalizeText } from "../text/normalize-text";
import { parsePrice } from "./parse-price";

function price(text: string, fallback: "CNY" | "USD" = "CNY") {
  const { priceMin, priceMax, currency } = parsePrice(normalizeText(text), fallback);
  return [priceMin, priceMax, currency];
}

describe("parsePrice", () => {
  it.each([
    ["预算3000", [null, 3000, "CNY"]],
    ["3000以内", [null, 3000, "CNY"]],
    ["3000元以下", [null, 3000, "CNY"]],
    ["不超过五千", [null, 5000, "CNY"]],
    ["五千以内", [null, 5000, "CNY"]],
    ["两千到三千", [2000, 3000, "CNY"]],
    ["2000-3000", [2000, 3000, "CNY"]],
    ["2到3千", [2000, 3000, "CNY"]],
    ["1k-2k", [1000, 2000, "CNY"]],
    ["1.5k以内", [null, 1500, "CNY"]],
    ["3千以内", [null, 3000, "CNY"]],
    ["1万以内", [null, 10000, "CNY"]],
    ["预算1w", [null, 10000, "CNY"]],
    ["一万二以内", [null, 12000, "CNY"]],
    ["三千五以内", [null, 3500, "CNY"]],
    ["3千5以内", [null, 3500, "CNY"]],
    ["3000左右", [2400, 3600, "CNY"]],
    ["大概两千", [1600, 2400, "CNY"]],
    ["8000上下", [6400, 9600, "CNY"]],
    ["500块", [400, 600, "CNY"]],
    ["1000+", [1000, null, "CNY"]],
    ["1000以上", [1000, null, "CNY"]],
    ["¥800起", [800, null, "CNY"]],
    ["一千到一千五", [1000, 1500, "CNY"]],
    ["100到200之间", [100, 200, "CNY"]],
    ["三四千吧", [3000, 4000, "CNY"]],
    ["五六百以内", [500, 600, "CNY"]],
  ])("%s", (text, expected) => {
    expect(price(text)).toEqual(expected);
  });

  it.each([
    ["at least $200", [200, null, "USD"]],
    ["over 200", [200, null, "USD"]],
    ["above 800", [800, null, "USD"]],
    ["under $300", [null, 300, "USD"]],
    ["below 300 dollars", [null, 300, "USD"]],
    ["less than 200", [null, 200, "USD"]],
    ["between 100 and 200", [100, 200, "USD"]],
    ["$100-$200", [100, 200, "USD"]],
    ["from 100 to 200", [100, 200, "USD"]],
    ["around $500", [400, 600, "USD"]],
    ["budget 300", [null, 300, "USD"]],
    ["max 200", [null, 200, "USD"]],
    ["1.5k max", [null, 1500, "USD"]],
    ["up to 400", [null, 400, "USD"]],
    ["sub $80", [null, 80, "USD"]],
    ["2-3k", [2000, 3000, "USD"]],
    ["under 150 usd", [null, 150, "USD"]],
    ["500 rmb", [400, 600, "CNY"]],
    ["under €50", [null, 50, "EUR"]],
    ["under £60", [null, 60, "GBP"]],
    ["$200左右", [160, 240, "USD"]],
    ["100美元以内", [null, 100, "USD"]],
    ["500刀以内", [null, 500, "USD"]],
  ])("%s", (text, expected) => {
    expect(price(text, "USD")).toEqual(expected);
  });

  it.each([
    "18k金戒指",
    "925银项链",
    "pt950铂金",
    "s925 silver",
    "千足金手镯 30克左右",
    "女儿十八岁生日",
    "莫桑石戒指 一克拉",
    "一条项链",
    "520送女朋友",
    "ruby necklace for my wife's 40th birthday",
    "14k gold studs",
    "买块手表",
    "万足金",
  ])("finds no price in %s", (text) => {
    expect(price(text)).toEqual([null, null, null]);
  });

  it("returns the span of the price phrase", () => {
    const text = normalizeText("送妈妈 预算3000 的手镯");
    const { spans } = parsePrice(text, "CNY");
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(["预算3000"]);
  });
});

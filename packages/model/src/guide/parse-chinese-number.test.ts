import { describe, expect, it } from "vitest";
import { parseChineseNumber } from "./parse-chinese-number";

describe("parseChineseNumber", () => {
  it.each([
    ["一", 1],
    ["十", 10],
    ["十八", 18],
    ["二十五", 25],
    ["一百五", 150],
    ["五百", 500],
    ["八百", 800],
    ["两千", 2000],
    ["三千五", 3500],
    ["两千五", 2500],
    ["一千零五十", 1050],
    ["一千零五", 1005],
    ["五千", 5000],
    ["一万", 10000],
    ["一万二", 12000],
    ["一万五千", 15000],
    ["三万", 30000],
    ["十万", 100000],
    ["一九九九", 1999],
  ])("%s = %d", (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it("rejects text that is not a number", () => {
    expect(parseChineseNumber("")).toBeNull();
    expect(parseChineseNumber("千")).toBeNull();
    expect(parseChineseNumber("万")).toBeNull();
    expect(parseChineseNumber("一个")).toBeNull();
  });
});

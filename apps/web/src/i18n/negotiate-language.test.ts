import { describe, expect, it } from "vitest";
import { negotiateLanguage } from "./negotiate-language";

describe("negotiateLanguage", () => {
  it("maps any English or Chinese range to the shop's language", () => {
    expect(negotiateLanguage("en-US,en;q=0.9")).toBe("en");
    expect(negotiateLanguage("en-GB")).toBe("en");
    expect(negotiateLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(negotiateLanguage("zh-TW")).toBe("zh");
    expect(negotiateLanguage("zh-Hant-HK")).toBe("zh");
    expect(negotiateLanguage("EN-us")).toBe("en");
  });

  it("honours q-values over the header's order, and the order between equal q-values", () => {
    expect(negotiateLanguage("en;q=0.5, zh;q=0.8")).toBe("zh");
    expect(negotiateLanguage("fr-FR, en;q=0.7, zh;q=0.7")).toBe("en");
    expect(negotiateLanguage("de, zh-CN;q=0.2, en-US;q=0.3")).toBe("en");
  });

  it("skips q=0 (not this language) and languages the shop does not speak", () => {
    expect(negotiateLanguage("en;q=0, zh;q=0.1")).toBe("zh");
    expect(negotiateLanguage("zh;q=0.000")).toBeUndefined();
    expect(negotiateLanguage("fr")).toBeUndefined();
    expect(negotiateLanguage("fr-CH, fr;q=0.9, de;q=0.8, *;q=0.5")).toBeUndefined();
    expect(negotiateLanguage("english, chinese")).toBeUndefined();
  });

  it("falls back (undefined) on an absent or garbage header, and ignores unreadable entries", () => {
    expect(negotiateLanguage(undefined)).toBeUndefined();
    expect(negotiateLanguage(null)).toBeUndefined();
    expect(negotiateLanguage("")).toBeUndefined();
    expect(negotiateLanguage("*")).toBeUndefined();
    expect(negotiateLanguage(";;;,,,q=1")).toBeUndefined();
    expect(negotiateLanguage("\u0000\u00ff garbage ☃")).toBeUndefined();
    expect(negotiateLanguage("en;q=abc")).toBeUndefined();
    expect(negotiateLanguage("en;q=2, zh;q=0.5")).toBe("zh");
    expect(negotiateLanguage("en;q=-1")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { readCurrencyMark, readPrice } from "../src/ingest/read-price";

describe("readPrice", () => {
  it("reads prices as catalogs write them, with the currency their mark names", () => {
    expect(readPrice("1234.50")).toEqual({ amount: 1234.5 });
    expect(readPrice("1,299.00")).toEqual({ amount: 1299 });
    expect(readPrice("¥1,299.00")).toEqual({ amount: 1299, currency: "CNY" });
    expect(readPrice("￥2,450.00")).toEqual({ amount: 2450, currency: "CNY" });
    expect(readPrice("1299元")).toEqual({ amount: 1299, currency: "CNY" });
    expect(readPrice("RMB 88")).toEqual({ amount: 88, currency: "CNY" });
    expect(readPrice("US$59.50")).toEqual({ amount: 59.5, currency: "USD" });
    expect(readPrice("HK$1,000")).toEqual({ amount: 1000, currency: "HKD" });
    expect(readPrice("$59")).toEqual({ amount: 59, currency: "USD" });
    expect(readPrice("£420.00")).toEqual({ amount: 420, currency: "GBP" });
    expect(readPrice("1,250.00 USD")).toEqual({ amount: 1250, currency: "USD" });
    expect(readPrice("eur 560")).toEqual({ amount: 560, currency: "EUR" });
    expect(readPrice("-5")).toEqual({ amount: -5 });
  });

  it("refuses a decimal comma, misplaced separators, two marks and words", () => {
    for (const text of ["12,5", "1,2345", "1,299,00", "¥1299元", "call us", "面议", "1.2.3", ""]) {
      expect(readPrice(text), text).toBeUndefined();
    }
  });

  it("reads the currency a column's name carries", () => {
    expect(readCurrencyMark("价格(元)")).toBe("CNY");
    expect(readCurrencyMark("Price (USD)")).toBe("USD");
    expect(readCurrencyMark("Variant Price")).toBeUndefined();
  });
});

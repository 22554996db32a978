import { getMessages } from "@jewelguide/i18n";
import { describe, expect, it } from "vitest";
import { displayPrice } from "./display-price";

describe("displayPrice", () => {
  it("formats in the shopper's locale and says 'on request' for 0", () => {
    expect(displayPrice({ price: 1200, currency: "USD" }, "en", getMessages("en"))).toBe("$1,200.00");
    expect(displayPrice({ price: 1200, currency: "USD" }, "zh", getMessages("zh"))).toBe("US$1,200.00");
    expect(displayPrice({ price: 0, currency: "USD" }, "zh", getMessages("zh"))).toBe("价格面议");
    expect(displayPrice({ price: 0, currency: "USD" }, "en", getMessages("en"))).toBe("Price on request");
  });

  it("keeps the catalog's currency and writes it as each locale does", () => {
    expect(displayPrice({ price: 3000, currency: "CNY" }, "zh", getMessages("zh"))).toBe("¥3,000.00");
    expect(displayPrice({ price: 3000, currency: "CNY" }, "en", getMessages("en"))).toBe("CN¥3,000.00");
    expect(displayPrice({ price: 3000, currency: "JPY" }, "zh", getMessages("zh"))).toBe("JP¥3,000");
    expect(displayPrice({ price: 3000, currency: "JPY" }, "en", getMessages("en"))).toBe("¥3,000");
    expect(displayPrice({ price: 1234.5, currency: "EUR" }, "en", getMessages("en"))).toBe("€1,234.50");
  });

  it("shows an unknown currency code beside the amount instead of failing", () => {
    expect(displayPrice({ price: 12, currency: "not a code" }, "en", getMessages("en"))).toBe("12.00 not a code");
  });
});

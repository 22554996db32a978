import { describe, expect, it } from "vitest";
import { getMessages } from "../i18n/dictionary";
import { displayPrice } from "./display-price";

describe("displayPrice", () => {
  it("formats in the shopper's locale and says 'on request' for 0", () => {
    expect(displayPrice({ price: 1200, currency: "USD" }, "en", getMessages("en"))).toBe("$1,200.00");
    expect(displayPrice({ price: 1200, currency: "USD" }, "zh", getMessages("zh"))).toBe("US$1,200.00");
    expect(displayPrice({ price: 0, currency: "USD" }, "zh", getMessages("zh"))).toBe("价格面议");
    expect(displayPrice({ price: 0, currency: "USD" }, "en", getMessages("en"))).toBe("Price on request");
  });
});

import { describe, expect, it } from "vitest";
import { normalCdf, twoProportionZTest } from "./two-proportion-z-test";
import { wilsonInterval } from "./wilson-interval";

describe("wilsonInterval", () => {
  it("matches hand-computed 95% intervals", () => {
    const half = wilsonInterval(5, 10);
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    const none = wilsonInterval(0, 20);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.1611, 4);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 0 });
  });
});

describe("twoProportionZTest", () => {
  it("matches a hand-computed pooled z-test", () => {
    // pooled 230/2000 = 0.115; se = sqrt(0.115 · 0.885 · 2/1000) = 0.014267; z = 0.03 / se = 2.1027
    const result = twoProportionZTest(100, 1000, 130, 1000);
    expect(result?.z).toBeCloseTo(2.1027, 3);
    expect(result?.pValue).toBeCloseTo(0.0355, 3);
    expect(twoProportionZTest(0, 100, 0, 100)).toBeNull();
    expect(twoProportionZTest(1, 0, 1, 10)).toBeNull();
  });

  it("uses an accurate normal CDF", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 5);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
  });
});

import { describe, expect, it } from "vitest";
import { moveBudget, roundToTwoDigits } from "./move-budget";

describe("moveBudget", () => {
  it("moves a budget below its own floor or ceiling for 'cheaper'", () => {
    expect(moveBudget({ min: null, max: 5000 }, "down", null)).toEqual({ min: null, max: 3300 });
    expect(moveBudget({ min: 2000, max: 3000 }, "down", null)).toEqual({ min: 1300, max: 2000 });
    expect(moveBudget({ min: 900, max: null }, "down", null)).toEqual({ min: 600, max: 900 });
  });

  it("moves a budget above its ceiling for 'more expensive'", () => {
    expect(moveBudget({ min: null, max: 300 }, "up", null)).toEqual({ min: 300, max: 450 });
    expect(moveBudget({ min: 8000, max: 12000 }, "up", null)).toEqual({ min: 12000, max: 18000 });
    expect(moveBudget({ min: 1000, max: null }, "up", null)).toEqual({ min: 1500, max: null });
  });

  it("uses the last answer's typical price when there is no budget, and does nothing without one", () => {
    expect(moveBudget({ min: null, max: null }, "down", 1234)).toEqual({ min: null, max: 1200 });
    expect(moveBudget({ min: null, max: null }, "up", 1234)).toEqual({ min: 1200, max: null });
    expect(moveBudget({ min: null, max: null }, "down", null)).toBeNull();
    expect(moveBudget({ min: null, max: null }, "down", 0)).toBeNull();
    expect(moveBudget({ min: null, max: null }, "down", Number.NaN)).toBeNull();
  });

  it("rounds to two significant digits", () => {
    expect(roundToTwoDigits(3333.3)).toBe(3300);
    expect(roundToTwoDigits(666.67)).toBe(670);
    expect(roundToTwoDigits(66.67)).toBe(67);
    expect(roundToTwoDigits(4.55)).toBe(4.5);
    expect(roundToTwoDigits(-5)).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { assignAbArm } from "./assign-ab-arm";

describe("assignAbArm", () => {
  it("is stable: the same shopper always gets the same arm", () => {
    for (let i = 0; i < 200; i++) {
      const arm = assignAbArm(7, `shopper-${i}`, 0.5);
      for (let repeat = 0; repeat < 3; repeat++) expect(assignAbArm(7, `shopper-${i}`, 0.5)).toBe(arm);
    }
  });

  it.each([0.1, 0.3, 0.5, 0.8])("honours a share of %s for B within ±2 points over 10,000 ids", (share) => {
    let b = 0;
    for (let i = 0; i < 10_000; i++) if (assignAbArm(1, `u${i}`, share) === "B") b += 1;
    expect(Math.abs(b / 10_000 - share)).toBeLessThan(0.02);
  });

  it("splits independently per test and moves nobody from B to A when the share grows", () => {
    let same = 0;
    for (let i = 0; i < 10_000; i++) {
      if (assignAbArm(1, `u${i}`, 0.5) === assignAbArm(2, `u${i}`, 0.5)) same += 1;
      if (assignAbArm(3, `u${i}`, 0.2) === "B") expect(assignAbArm(3, `u${i}`, 0.4)).toBe("B");
    }
    expect(Math.abs(same / 10_000 - 0.5)).toBeLessThan(0.03);
  });
});

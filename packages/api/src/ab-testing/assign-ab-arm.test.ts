import { describe, expect, it } from "vitest";
import { deriveServerSecrets } from "../security/server-secrets";
import { TEST_SECRETS } from "../test/test-secrets";
import { assignAbArm } from "./assign-ab-arm";

const SALT = TEST_SECRETS.abTestSalt;
const OTHER_SALT = deriveServerSecrets("another-shop-secret-0123456789abcdef").abTestSalt;

describe("assignAbArm", () => {
  it("is stable: for one salt the same shopper always gets the same arm", () => {
    for (let i = 0; i < 200; i++) {
      const arm = assignAbArm({ id: 7, shareB: 0.5 }, `shopper-${i}`, SALT);
      for (let repeat = 0; repeat < 3; repeat++) {
        expect(assignAbArm({ id: 7, shareB: 0.5 }, `shopper-${i}`, SALT)).toBe(arm);
      }
    }
  });

  it("depends on the server's salt: another salt splits the same shoppers differently", () => {
    let same = 0;
    for (let i = 0; i < 10_000; i++) {
      if (
        assignAbArm({ id: 1, shareB: 0.5 }, `u${i}`, SALT) === assignAbArm({ id: 1, shareB: 0.5 }, `u${i}`, OTHER_SALT)
      ) {
        same += 1;
      }
    }
    // Independent splits agree on about half of the shoppers; an unsalted hash would agree on all of them.
    expect(Math.abs(same / 10_000 - 0.5)).toBeLessThan(0.03);
  });

  it("refuses an empty salt instead of falling back to a public hash", () => {
    expect(() => assignAbArm({ id: 1, shareB: 0.5 }, "u1", "")).toThrow(/salt/);
  });

  it.each([0.1, 0.3, 0.5, 0.8])("honours a share of %s for B within ±2 points over 10,000 ids", (share) => {
    let b = 0;
    for (let i = 0; i < 10_000; i++) if (assignAbArm({ id: 1, shareB: share }, `u${i}`, SALT) === "B") b += 1;
    expect(Math.abs(b / 10_000 - share)).toBeLessThan(0.02);
  });

  it("splits independently per test and moves nobody from B to A when the share grows", () => {
    let same = 0;
    for (let i = 0; i < 10_000; i++) {
      if (assignAbArm({ id: 1, shareB: 0.5 }, `u${i}`, SALT) === assignAbArm({ id: 2, shareB: 0.5 }, `u${i}`, SALT)) {
        same += 1;
      }
      if (assignAbArm({ id: 3, shareB: 0.2 }, `u${i}`, SALT) === "B") {
        expect(assignAbArm({ id: 3, shareB: 0.4 }, `u${i}`, SALT)).toBe("B");
      }
    }
    expect(Math.abs(same / 10_000 - 0.5)).toBeLessThan(0.03);
  });
});

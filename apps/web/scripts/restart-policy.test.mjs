import { describe, expect, it } from "vitest";
import { planRestart, RESTART_POLICY, shouldGiveUp } from "./restart-policy.mjs";

describe("planRestart", () => {
  it("doubles the delay from 0.5 s up to 30 s while a slot keeps crashing quickly", () => {
    let slot = { quickCrashes: 0 };
    const delays = [];
    for (let crash = 0; crash < 9; crash++) {
      slot = planRestart(slot, { uptimeMs: 2_000 });
      delays.push(slot.delayMs);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it("starts afresh after a process that ran a minute", () => {
    const crashing = { quickCrashes: 7 };
    expect(planRestart(crashing, { uptimeMs: RESTART_POLICY.stableAfterMs - 1 })).toEqual({
      quickCrashes: 8,
      delayMs: 30_000,
    });
    expect(planRestart(crashing, { uptimeMs: RESTART_POLICY.stableAfterMs })).toEqual({
      quickCrashes: 1,
      delayMs: 500,
    });
  });
});

describe("shouldGiveUp", () => {
  it("stops only a server that never listened, after 3 failed starts in a row", () => {
    expect(shouldGiveUp({ everListened: false, startupFailures: 2 })).toBe(false);
    expect(shouldGiveUp({ everListened: false, startupFailures: 3 })).toBe(true);
    expect(shouldGiveUp({ everListened: true, startupFailures: 1_000 })).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { checkPublishGates } from "./check-publish-gates";
import { mergeOffPolicyEstimates, type OffPolicyEstimate, readOffPolicyMetrics } from "./off-policy-metrics";

const interval = { estimate: 0.1, standardError: 0.01, lower: 0.08, upper: 0.12 };

function estimate(change: Partial<OffPolicyEstimate> = {}): OffPolicyEstimate {
  return {
    target: "exploring",
    reward: "click",
    evaluatedAt: "2026-12-06T19:00:00.000Z",
    firstServedAt: "2026-12-01T00:00:00.000Z",
    lastServedAt: "2026-12-05T00:00:00.000Z",
    loggingPolicies: ["thompson-beta/1"],
    rewardModel: "per-item smoothed rate",
    requests: 40,
    decisions: 80,
    loggedReward: interval,
    inversePropensity: interval,
    selfNormalised: interval,
    doublyRobust: interval,
    effectiveSampleSize: 50.5,
    supportedShare: { estimate: 0.9, standardError: 0.05, lower: 0.8, upper: 1 },
    ...change,
  };
}

describe("stored off-policy estimates", () => {
  it("reads none from metrics without them, and the stored ones back", () => {
    expect(readOffPolicyMetrics({ validation: {} })).toEqual({ ok: true, estimates: [] });
    expect(readOffPolicyMetrics(null)).toEqual({ ok: true, estimates: [] });
    const stored = { offPolicy: { estimates: [estimate()] } };
    expect(readOffPolicyMetrics(stored)).toEqual({ ok: true, estimates: [estimate()] });
  });

  it("names the path of a malformed estimate", () => {
    const read = readOffPolicyMetrics({ offPolicy: { estimates: [{ ...estimate(), reward: "view" }] } });
    expect(read.ok).toBe(false);
    expect(read.ok ? "" : read.problem).toMatch(/^metrics\.offPolicy\.estimates\.0\.reward: /);
  });

  it("a new estimate replaces the stored one of the same target and reward only", () => {
    const older = [estimate(), estimate({ reward: "purchase" }), estimate({ target: "greedy" })];
    const fresh = estimate({ evaluatedAt: "2026-12-07T00:00:00.000Z" });
    const merged = mergeOffPolicyEstimates(older, [fresh]);
    expect(merged.estimates).toHaveLength(3);
    expect(merged.estimates.filter((e) => e.target === "exploring" && e.reward === "click")).toEqual([fresh]);
  });

  it("stored estimates (an open window included) leave the publish gates passing", () => {
    const metrics = { validation: { "recall@20": 0.2 }, offPolicy: { estimates: [estimate()] } };
    expect(checkPublishGates({ candidateMetrics: metrics, activeMetrics: null, maxDrop: 0.02 }).passed).toBe(true);
  });
});

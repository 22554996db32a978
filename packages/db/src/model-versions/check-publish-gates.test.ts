import { describe, expect, it } from "vitest";
import { checkPublishGates } from "./check-publish-gates";

const metrics = (recall: number, extra: Record<string, unknown> = {}) => ({
  validation: { "recall@20": recall, "ndcg@20": 0.1, ...extra },
  test: { "recall@20": recall },
});

describe("checkPublishGates", () => {
  it("passes the first version and a better or slightly worse candidate", () => {
    expect(checkPublishGates({ candidateMetrics: metrics(0.2), activeMetrics: null, maxDrop: 0.02 }).passed).toBe(true);
    expect(checkPublishGates({ candidateMetrics: metrics(0.3), activeMetrics: metrics(0.2), maxDrop: 0.02 })).toEqual({
      passed: true,
      failures: [],
      candidateRecall: 0.3,
      activeRecall: 0.2,
    });
    expect(
      checkPublishGates({ candidateMetrics: metrics(0.185), activeMetrics: metrics(0.2), maxDrop: 0.02 }).passed,
    ).toBe(true);
  });

  it("refuses a candidate worse than the active one by more than the margin", () => {
    const result = checkPublishGates({ candidateMetrics: metrics(0.17), activeMetrics: metrics(0.2), maxDrop: 0.02 });
    expect(result.passed).toBe(false);
    expect(result.failures[0]).toMatch(/0\.1700 is more than 0\.02 below the active version's 0\.2000/);
    expect(
      checkPublishGates({ candidateMetrics: metrics(0.17), activeMetrics: metrics(0.2), maxDrop: 0.05 }).passed,
    ).toBe(true);
  });

  it("refuses NaN, Infinity or null anywhere in the metrics, naming the path", () => {
    const nan = checkPublishGates({ candidateMetrics: metrics(Number.NaN), activeMetrics: null, maxDrop: 0.02 });
    expect(nan.passed).toBe(false);
    expect(nan.failures).toContain("metrics.validation.recall@20 is not a finite number");
    const deep = checkPublishGates({
      candidateMetrics: metrics(0.2, { "ndcg@10": Number.POSITIVE_INFINITY, "mrr@20": null }),
      activeMetrics: null,
      maxDrop: 0.02,
    });
    expect(deep.failures).toEqual([
      "metrics.validation.ndcg@10 is not a finite number",
      "metrics.validation.mrr@20 is not a finite number",
    ]);
  });

  it("refuses a candidate without validation metrics", () => {
    const result = checkPublishGates({
      candidateMetrics: { fitSeconds: 1 },
      activeMetrics: metrics(0.2),
      maxDrop: 0.02,
    });
    expect(result.failures).toEqual(["the candidate has no validation recall@20 (trained with --no-eval?)"]);
  });

  it("refuses a candidate whose stored metrics are malformed, saying what is wrong", () => {
    const result = checkPublishGates({
      candidateMetrics: { validation: "recall 0.2" },
      activeMetrics: metrics(0.2),
      maxDrop: 0.02,
    });
    expect(result.passed).toBe(false);
    expect(result.failures).toEqual([
      "the candidate's stored metrics are malformed: metrics.validation: Invalid input: expected record, received string",
    ]);
    const notAnObject = checkPublishGates({ candidateMetrics: [0.2], activeMetrics: null, maxDrop: 0.02 });
    expect(notAnObject.passed).toBe(false);
  });

  it("compares with nothing when the active version's metrics are malformed", () => {
    const result = checkPublishGates({
      candidateMetrics: metrics(0.1),
      activeMetrics: { validation: { "recall@20": "high" } },
      maxDrop: 0.02,
    });
    expect(result).toEqual({ passed: true, failures: [], candidateRecall: 0.1, activeRecall: undefined });
  });
});

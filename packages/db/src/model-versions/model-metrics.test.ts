import { describe, expect, it } from "vitest";
import { parseModelMetrics, readSplitMetric } from "./model-metrics";

describe("parseModelMetrics", () => {
  it("reads what training and evaluate store, keeping non-finite values and unknown keys for the gates", () => {
    const stored = {
      protocol: { kind: "leave-last-out" },
      validation: { "recall@20": 0.2, "ndcg@20": null },
      test: { "recall@20": Number.NaN },
      baselines: {
        popularity: { validation: { "recall@20": 0.1 }, test: { "recall@20": 0.12 } },
        old: { "recall@20": 0.05 },
      },
      fitSeconds: 1.5,
      reevaluation: { validation: { "recall@20": 0.19 }, evaluatedAt: "2026-12-01T00:00:00Z" },
      note: "kept",
    };
    const parsed = parseModelMetrics(stored);
    expect(parsed).toEqual({ ok: true, metrics: stored });
    expect(readSplitMetric(parsed, "validation", "recall@20")).toBe(0.2);
    expect(readSplitMetric(parsed, "validation", "ndcg@20")).toBeUndefined();
    expect(readSplitMetric(parsed, "test", "recall@20")).toBeUndefined();
    expect(parseModelMetrics({})).toEqual({ ok: true, metrics: {} });
  });

  it("names the path and the problem of malformed metrics, and reads no metric from them", () => {
    const parsed = parseModelMetrics({ validation: { "recall@20": "0.2" } });
    expect(parsed).toEqual({ ok: false, problem: "metrics.validation.recall@20: expected a number" });
    expect(readSplitMetric(parsed, "validation", "recall@20")).toBeUndefined();
    expect(parseModelMetrics(null).ok).toBe(false);
    expect(parseModelMetrics([1, 2]).ok).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { aggregateSeeds, recallIntervals } from "../src/rees46/aggregate-seeds";
import { wilsonInterval } from "../src/rees46/wilson-interval";

describe("wilsonInterval", () => {
  it("matches the textbook 95 % Wilson intervals", () => {
    // 5 of 10: centre 0.5, half-width 1.96·√(0.025 + 0.0096)/1.384 = 0.2634 → [0.2366, 0.7634].
    const half = wilsonInterval(5, 10);
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    // No hits among 10: [0, z²/(n + z²)] = [0, 3.8415/13.8415] = [0, 0.2775] — not the Wald interval's [0, 0].
    const none = wilsonInterval(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
    // 6 hits among 183 cold-item shoppers (issue 13's figure): [0.0151, 0.0697].
    const cold = wilsonInterval(6, 183);
    expect(cold.low).toBeCloseTo(0.0151, 4);
    expect(cold.high).toBeCloseTo(0.0697, 4);
  });

  it("spans [0, 1] without trials and refuses impossible counts", () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
    expect(() => wilsonInterval(11, 10)).toThrow(/11 successes out of 10/);
  });
});

describe("aggregateSeeds", () => {
  it("reports the mean and the sample standard deviation of every metric, and keeps each seed's run", () => {
    const runs = [
      { seed: 0, metrics: { "recall@20": 0.2, train_seconds: 60 } },
      { seed: 1, metrics: { "recall@20": 0.21, train_seconds: 62 } },
      { seed: 2, metrics: { "recall@20": 0.25, train_seconds: 64 } },
    ];
    const aggregate = aggregateSeeds(runs);
    expect(aggregate.mean["recall@20"]).toBeCloseTo(0.22, 10);
    // deviations −0.02, −0.01, 0.03: √(0.0014 / 2) = 0.026458
    expect(aggregate.std["recall@20"]).toBeCloseTo(0.026458, 6);
    expect(aggregate.mean.train_seconds).toBe(62);
    expect(aggregate.std.train_seconds).toBe(2);
    expect(aggregate.seeds).toEqual(runs);
  });

  it("gives a deterministic model's single run a spread of 0 and leaves out metrics some run lacks", () => {
    const aggregate = aggregateSeeds([{ seed: 0, metrics: { "ndcg@20": 0.1, extra: 1 } }]);
    expect(aggregate.std).toEqual({ "ndcg@20": 0, extra: 0 });
    const partial = aggregateSeeds([
      { seed: 0, metrics: { "ndcg@20": 0.1, extra: 1 } },
      { seed: 1, metrics: { "ndcg@20": 0.1 } },
    ]);
    expect(Object.keys(partial.mean)).toEqual(["ndcg@20"]);
  });
});

describe("recallIntervals", () => {
  it("puts a Wilson interval on each Recall@20 slice over its own shoppers", () => {
    const intervals = recallIntervals({
      "recall@20": 0.5,
      test_users: 10,
      "cold_recall@20": 6 / 183,
      cold_users: 183,
    });
    expect(intervals["recall@20"]?.[0]).toBeCloseTo(0.2366, 4);
    expect(intervals["cold_recall@20"]?.[1]).toBeCloseTo(0.0697, 4);
    expect(intervals["item_cold_recall@20"]).toBeUndefined();
  });
});

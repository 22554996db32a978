import { describe, expect, it } from "vitest";
import { createRng, type Rng } from "../random/create-rng";
import {
  effectiveSampleSize,
  estimateDoublyRobust,
  estimateInversePropensity,
  estimateSelfNormalised,
  evaluateOffPolicy,
  type IntervalEstimate,
  type LoggedDecision,
} from "./index";

/** A contextual bandit with known answers: contexts drawn uniformly, then an action from the logging policy. */
type Bandit = {
  /** probabilities[x][a] of the logging policy. */
  logging: number[][];
  /** probabilities[x][a] of the target policy. */
  target: number[][];
  /** meanReward[x][a]: the Bernoulli rate of each action in each context. */
  meanReward: number[][];
};

const bandit: Bandit = {
  logging: [
    [0.4, 0.3, 0.2, 0.1],
    [0.25, 0.25, 0.25, 0.25],
    [0.1, 0.2, 0.3, 0.4],
    [0.55, 0.15, 0.15, 0.15],
  ],
  target: [
    [0.1, 0.1, 0.2, 0.6],
    [0.7, 0.1, 0.1, 0.1],
    [0.5, 0, 0.5, 0],
    [0.25, 0.25, 0.25, 0.25],
  ],
  meanReward: [
    [0.05, 0.1, 0.2, 0.3],
    [0.4, 0.05, 0.1, 0.1],
    [0.02, 0.3, 0.15, 0.08],
    [0.2, 0.2, 0.01, 0.25],
  ],
};

function row(table: number[][], index: number): number[] {
  const values = table[index];
  if (values === undefined) throw new Error(`No row ${index}.`);
  return values;
}

function at(values: number[], index: number): number {
  return values[index] ?? Number.NaN;
}

function sample(probabilities: number[], rng: Rng): number {
  let u = rng.next();
  for (let index = 0; index < probabilities.length; index++) {
    u -= at(probabilities, index);
    if (u < 0) return index;
  }
  return probabilities.length - 1;
}

function contextValue(problem: Bandit, x: number, rewardOf: (x: number, a: number) => number): number {
  return row(problem.target, x).reduce((sum, probability, a) => sum + probability * rewardOf(x, a), 0);
}

function trueValue(problem: Bandit): number {
  const contexts = problem.target.length;
  let sum = 0;
  for (let x = 0; x < contexts; x++) sum += contextValue(problem, x, (cx, a) => at(row(problem.meanReward, cx), a));
  return sum / contexts;
}

type LogOptions = {
  /** The reward model r̂(x, a); 0 everywhere by default (DR then equals IPS). */
  rewardModel?: (x: number, a: number) => number;
  /** Rewards equal to the mean (no noise) instead of Bernoulli draws. */
  deterministic?: boolean;
};

function logDecisions(problem: Bandit, n: number, seed: number, options: LogOptions = {}): LoggedDecision[] {
  const rng = createRng(seed);
  const rewardModel = options.rewardModel ?? (() => 0);
  const decisions: LoggedDecision[] = [];
  for (let i = 0; i < n; i++) {
    const x = rng.nextInt(problem.logging.length);
    const a = sample(row(problem.logging, x), rng);
    const mean = at(row(problem.meanReward, x), a);
    decisions.push({
      loggingPropensity: at(row(problem.logging, x), a),
      targetProbability: at(row(problem.target, x), a),
      reward: options.deterministic ? mean : rng.next() < mean ? 1 : 0,
      predictedReward: rewardModel(x, a),
      expectedTargetReward: contextValue(problem, x, rewardModel),
    });
  }
  return decisions;
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function variance(values: number[]): number {
  const m = mean(values);
  return values.reduce((sum, value) => sum + (value - m) ** 2, 0) / (values.length - 1);
}

function covers(interval: IntervalEstimate, value: number): boolean {
  return interval.lower <= value && value <= interval.upper;
}

const truth = trueValue(bandit);
const perfectModel = (x: number, a: number) => at(row(bandit.meanReward, x), a);
/** A reward model that is off by a fixed amount everywhere: DR must stay unbiased anyway. */
const biasedModel = (x: number, a: number) => perfectModel(x, a) + 0.1;

describe("off-policy estimators on a hand-computed log", () => {
  const decisions: LoggedDecision[] = [
    { loggingPropensity: 0.5, targetProbability: 1, reward: 1, predictedReward: 0.5, expectedTargetReward: 0.6 },
    { loggingPropensity: 0.25, targetProbability: 0.5, reward: 0, predictedReward: 0.2, expectedTargetReward: 0.3 },
    { loggingPropensity: 0.5, targetProbability: 0, reward: 1, predictedReward: 0.4, expectedTargetReward: 0.1 },
  ];
  // weights 2, 2, 0

  it("IPS is the mean of w·r with the empirical standard error", () => {
    const ips = estimateInversePropensity(decisions);
    expect(ips.estimate).toBeCloseTo(2 / 3, 12); // terms 2, 0, 0
    const sd = Math.sqrt(((2 - 2 / 3) ** 2 + 2 * (2 / 3) ** 2) / 2);
    expect(ips.standardError).toBeCloseTo(sd / Math.sqrt(3), 12);
    expect(ips.upper - ips.estimate).toBeCloseTo(1.959963984540054 * ips.standardError, 12);
    expect(ips.estimate - ips.lower).toBeCloseTo(1.959963984540054 * ips.standardError, 12);
  });

  it("SNIPS is Σw·r / Σw with the delta-method standard error", () => {
    const snips = estimateSelfNormalised(decisions);
    expect(snips.estimate).toBeCloseTo(0.5, 12); // 2 / 4
    // Σ (w(r − 0.5))² = 1 + 1 + 0 = 2; / (n − 1) / n = 1/3; sqrt, / w̄ (4/3)
    expect(snips.standardError).toBeCloseTo(Math.sqrt(1 / 3) / (4 / 3), 12);
  });

  it("DR is the mean of r̂_π + w·(r − r̂)", () => {
    // terms: 0.6 + 2·0.5 = 1.6; 0.3 + 2·(−0.2) = −0.1; 0.1 + 0 = 0.1
    const dr = estimateDoublyRobust(decisions);
    expect(dr.estimate).toBeCloseTo(1.6 / 3, 12);
    const m = 1.6 / 3;
    const sd = Math.sqrt(((1.6 - m) ** 2 + (-0.1 - m) ** 2 + (0.1 - m) ** 2) / 2);
    expect(dr.standardError).toBeCloseTo(sd / Math.sqrt(3), 12);
  });

  it("effective sample size and supported share come from the weights", () => {
    expect(effectiveSampleSize(decisions)).toBeCloseTo(16 / 8, 12);
    const evaluation = evaluateOffPolicy(decisions);
    expect(evaluation.decisions).toBe(3);
    expect(evaluation.supportedShare.estimate).toBeCloseTo(4 / 3, 12);
    expect(evaluation.loggedReward.estimate).toBeCloseTo(2 / 3, 12);
    expect(evaluation.inversePropensity).toEqual(estimateInversePropensity(decisions));
    expect(evaluation.selfNormalised).toEqual(estimateSelfNormalised(decisions));
    expect(evaluation.doublyRobust).toEqual(estimateDoublyRobust(decisions));
  });

  it("equal weights give an effective sample size of n; all-zero weights 0", () => {
    const even = decisions.map((decision) => ({ ...decision, loggingPropensity: 0.5, targetProbability: 0.25 }));
    expect(effectiveSampleSize(even)).toBeCloseTo(3, 12);
    const none = decisions.map((decision) => ({ ...decision, targetProbability: 0 }));
    expect(effectiveSampleSize(none)).toBe(0);
  });
});

describe("off-policy estimators on synthetic logs with a known answer", () => {
  const seeds = Array.from({ length: 400 }, (_, seed) => seed + 1);
  const n = 1000;

  it("IPS, SNIPS and DR (with a wrong reward model) are unbiased over many seeds", () => {
    const runs = seeds.map((seed) => evaluateOffPolicy(logDecisions(bandit, n, seed, { rewardModel: biasedModel })));
    for (const key of ["inversePropensity", "selfNormalised", "doublyRobust"] as const) {
      const estimates = runs.map((run) => run[key].estimate);
      const standardErrorOfMean = Math.sqrt(variance(estimates) / estimates.length);
      expect(Math.abs(mean(estimates) - truth), key).toBeLessThan(4 * standardErrorOfMean);
    }
    // The logging policy's own rate is a different number: the check above is not trivially satisfied.
    const logged = mean(runs.map((run) => run.loggedReward.estimate));
    expect(Math.abs(logged - truth)).toBeGreaterThan(0.03);
  });

  it("the 95 % intervals cover the true value about 95 % of the time", () => {
    const runs = seeds.map((seed) => evaluateOffPolicy(logDecisions(bandit, n, seed, { rewardModel: biasedModel })));
    for (const key of ["inversePropensity", "selfNormalised", "doublyRobust"] as const) {
      const coverage = runs.filter((run) => covers(run[key], truth)).length / runs.length;
      // 400 runs: the binomial standard deviation of the coverage is 0.011.
      expect(coverage, key).toBeGreaterThan(0.92);
      expect(coverage, key).toBeLessThan(0.98);
    }
  });

  it("DR with a good reward model and SNIPS with a common reward level have lower variance than IPS", () => {
    const highLevel: Bandit = { ...bandit, meanReward: bandit.meanReward.map((r) => r.map((value) => 0.7 + value)) };
    const ips: number[] = [];
    const snips: number[] = [];
    const dr: number[] = [];
    for (const seed of seeds.slice(0, 200)) {
      const decisions = logDecisions(highLevel, 500, seed, {
        rewardModel: (x, a) => at(row(highLevel.meanReward, x), a) + 0.02 * ((x + a) % 3) - 0.02,
      });
      ips.push(estimateInversePropensity(decisions).estimate);
      snips.push(estimateSelfNormalised(decisions).estimate);
      dr.push(estimateDoublyRobust(decisions).estimate);
    }
    expect(variance(snips)).toBeLessThan(0.5 * variance(ips));
    expect(variance(dr)).toBeLessThan(0.5 * variance(ips));
  });

  it("DR is exact with a perfect reward model and noiseless rewards", () => {
    const decisions = logDecisions(bandit, 300, 7, { rewardModel: perfectModel, deterministic: true });
    const dr = estimateDoublyRobust(decisions);
    expect(dr.estimate).toBeCloseTo(mean(decisions.map((decision) => decision.expectedTargetReward)), 12);
    // One context only: no context noise either, so the estimate is the true value with a zero-width interval.
    const oneContext: Bandit = {
      logging: [row(bandit.logging, 0)],
      target: [row(bandit.target, 0)],
      meanReward: [row(bandit.meanReward, 0)],
    };
    const exact = estimateDoublyRobust(
      logDecisions(oneContext, 300, 7, { rewardModel: perfectModel, deterministic: true }),
    );
    expect(exact.estimate).toBeCloseTo(trueValue(oneContext), 12);
    expect(exact.standardError).toBeCloseTo(0, 12);
    // IPS on the same log is not exact.
    const ips = estimateInversePropensity(logDecisions(oneContext, 300, 7, { deterministic: true }));
    expect(ips.standardError).toBeGreaterThan(0.01);
  });

  it("the supported share falls to the target's mass on items the logs show", () => {
    // The logger never shows action 3 in any context; the target puts 0.3 of its mass there.
    const unsupported: Bandit = {
      logging: bandit.logging.map(() => [0.5, 0.3, 0.2, 0]),
      target: bandit.logging.map(() => [0.3, 0.2, 0.2, 0.3]),
      meanReward: bandit.meanReward,
    };
    const evaluation = evaluateOffPolicy(logDecisions(unsupported, 5000, 3));
    expect(covers(evaluation.supportedShare, 0.7)).toBe(true);
    expect(evaluation.supportedShare.upper).toBeLessThan(0.8);
    const full = evaluateOffPolicy(logDecisions(bandit, 5000, 3));
    expect(covers(full.supportedShare, 1)).toBe(true);
  });
});

describe("off-policy estimators reject bad logs", () => {
  const good: LoggedDecision = {
    loggingPropensity: 0.5,
    targetProbability: 0.5,
    reward: 1,
    predictedReward: 0.5,
    expectedTargetReward: 0.5,
  };

  it("names the decision and field of a bad propensity, probability or reward", () => {
    const cases: [Partial<LoggedDecision>, RegExp][] = [
      [{ loggingPropensity: 0 }, /Logged decision 1: loggingPropensity must be in \(0, 1\], got 0/],
      [{ loggingPropensity: -0.1 }, /loggingPropensity must be in \(0, 1\], got -0.1/],
      [{ loggingPropensity: 1.5 }, /loggingPropensity must be in \(0, 1\], got 1.5/],
      [{ loggingPropensity: Number.NaN }, /loggingPropensity must be in \(0, 1\], got NaN/],
      [{ targetProbability: 1.01 }, /Logged decision 1: targetProbability must be in \[0, 1\], got 1.01/],
      [{ targetProbability: -1 }, /targetProbability must be in \[0, 1\]/],
      [{ reward: Number.NaN }, /Logged decision 1: reward must be a finite number, got NaN/],
      [{ predictedReward: Number.POSITIVE_INFINITY }, /predictedReward must be a finite number, got Infinity/],
      [{ expectedTargetReward: Number.NaN }, /expectedTargetReward must be a finite number/],
    ];
    for (const [change, message] of cases) {
      const decisions = [good, { ...good, ...change }, good];
      expect(() => evaluateOffPolicy(decisions)).toThrow(message);
      expect(() => estimateInversePropensity(decisions)).toThrow(message);
      expect(() => estimateSelfNormalised(decisions)).toThrow(message);
      expect(() => estimateDoublyRobust(decisions)).toThrow(message);
      expect(() => effectiveSampleSize(decisions)).toThrow(message);
    }
  });

  it("needs at least two decisions, and a target that gives some logged decision a chance", () => {
    expect(() => evaluateOffPolicy([])).toThrow(/at least 2 logged decisions, got 0/);
    expect(() => evaluateOffPolicy([good])).toThrow(/at least 2 logged decisions, got 1/);
    expect(() => estimateSelfNormalised([good])).toThrow(/at least 2 logged decisions, got 1/);
    expect(() =>
      estimateSelfNormalised([
        { ...good, targetProbability: 0 },
        { ...good, targetProbability: 0 },
      ]),
    ).toThrow(/probability 0 to every logged decision/);
  });
});

describe("off-policy intervals clustered by shopper", () => {
  /**
   * Logs where each of `shoppers` shoppers gets `perShopper` decisions and every reward of one shopper shares their own
   * taste: a per-shopper multiplier (0 or 2 with equal chance) on the bandit's rates. Decisions of a shopper are then
   * correlated, as in a shop's logs; the true value is unchanged (the multiplier averages 1).
   */
  function clusteredLog(seed: number, shoppers: number, perShopper: number): LoggedDecision[] {
    const rng = createRng(seed);
    const decisions: LoggedDecision[] = [];
    for (let shopper = 0; shopper < shoppers; shopper++) {
      const taste = rng.next() < 0.5 ? 0 : 2;
      for (let k = 0; k < perShopper; k++) {
        const x = rng.nextInt(bandit.logging.length);
        const a = sample(row(bandit.logging, x), rng);
        decisions.push({
          loggingPropensity: at(row(bandit.logging, x), a),
          targetProbability: at(row(bandit.target, x), a),
          reward: rng.next() < Math.min(1, taste * at(row(bandit.meanReward, x), a)) ? 1 : 0,
          predictedReward: 0,
          expectedTargetReward: 0,
          cluster: `shopper-${shopper}`,
        });
      }
    }
    return decisions;
  }

  it("equal the i.i.d. intervals when every decision is its own cluster", () => {
    const plain = logDecisions(bandit, 300, 7, { rewardModel: biasedModel });
    const own = plain.map((decision, index) => ({ ...decision, cluster: `request-${index}` }));
    const a = evaluateOffPolicy(plain);
    const b = evaluateOffPolicy(own);
    for (const key of [
      "loggedReward",
      "inversePropensity",
      "selfNormalised",
      "doublyRobust",
      "supportedShare",
    ] as const) {
      expect(b[key].estimate, key).toBeCloseTo(a[key].estimate, 12);
      expect(b[key].standardError, key).toBeCloseTo(a[key].standardError, 12);
    }
  });

  it("cover the truth about 95 % of the time on correlated logs, where the i.i.d. intervals fall short", () => {
    const seeds = Array.from({ length: 300 }, (_, seed) => seed + 1);
    const clustered = seeds.map((seed) => evaluateOffPolicy(clusteredLog(seed, 100, 10)));
    const iid = seeds.map((seed) =>
      evaluateOffPolicy(clusteredLog(seed, 100, 10).map(({ cluster: _cluster, ...decision }) => decision)),
    );
    for (const key of ["inversePropensity", "selfNormalised", "doublyRobust"] as const) {
      const coverage = clustered.filter((run) => covers(run[key], truth)).length / seeds.length;
      const naive = iid.filter((run) => covers(run[key], truth)).length / seeds.length;
      // 300 runs: the binomial standard deviation of a 95 % coverage is 0.013.
      expect(coverage, key).toBeGreaterThan(0.91);
      expect(coverage, key).toBeLessThan(0.985);
      expect(naive, key).toBeLessThan(coverage - 0.03);
    }
  });

  it("refuses a single cluster, saying so", () => {
    const one = logDecisions(bandit, 20, 3).map((decision) => ({ ...decision, cluster: "everyone" }));
    expect(() => estimateInversePropensity(one)).toThrow(/at least 2 shoppers \(clusters\), got 1/);
  });
});

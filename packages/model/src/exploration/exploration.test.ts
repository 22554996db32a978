import { describe, expect, it } from "vitest";
import { createRng } from "../random/create-rng";
import { betaPosterior, type ExplorationCandidate, priorMeans } from "./beta-posterior";
import { composeExploringSlate } from "./compose-exploring-slate";
import { checkExplorationConfig, DEFAULT_EXPLORATION_CONFIG, type ExplorationConfig } from "./exploration-config";
import { explorationProbabilities } from "./exploration-probabilities";
import { createBetaSampler, withPolarNormals } from "./sample-beta";

const config: ExplorationConfig = { ...DEFAULT_EXPLORATION_CONFIG, slots: [1, 3] };

const betaMean = ({ alpha, beta }: { alpha: number; beta: number }) => alpha / (alpha + beta);
const betaVariance = ({ alpha, beta }: { alpha: number; beta: number }) =>
  (alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));

/** Chi-square statistic of observed counts against expected counts (cells with expectation > 0). */
function chiSquare(observed: readonly number[], expected: readonly number[]): number {
  return observed.reduce((sum, count, i) => {
    const e = expected[i] ?? 0;
    return e > 0 ? sum + (count - e) ** 2 / e : sum;
  }, 0);
}

describe("Beta posterior of an item's click rate", () => {
  it("moves its mean up with rewards and narrows with impressions, starting from the prior", () => {
    const prior = betaPosterior({ score: 0, impressions: 0, rewards: 0 }, 0.05, 2);
    expect(betaMean(prior)).toBeCloseTo(0.05, 12);
    const fewClicks = betaPosterior({ score: 0, impressions: 40, rewards: 1 }, 0.05, 2);
    const manyClicks = betaPosterior({ score: 0, impressions: 40, rewards: 8 }, 0.05, 2);
    expect(betaMean(manyClicks)).toBeGreaterThan(betaMean(fewClicks));
    const shownMore = betaPosterior({ score: 0, impressions: 400, rewards: 10 }, 0.05, 2);
    const shownLess = betaPosterior({ score: 0, impressions: 40, rewards: 1 }, 0.05, 2);
    expect(betaVariance(shownMore)).toBeLessThan(betaVariance(shownLess));
    expect(betaVariance(shownLess)).toBeLessThan(betaVariance(prior));
  });

  it("refuses negative evidence and caps rewards at impressions", () => {
    expect(() => betaPosterior({ score: 0, impressions: -1, rewards: 0 }, 0.05, 2)).toThrow(/impressions -1/);
    expect(betaPosterior({ score: 0, impressions: 2, rewards: 5 }, 0.5, 2)).toEqual({ alpha: 3, beta: 1 });
  });

  it("centres the priors on the pool's observed rate and orders them by the model's score", () => {
    const pool: ExplorationCandidate[] = [
      { score: 3, impressions: 100, rewards: 10 },
      { score: 1, impressions: 100, rewards: 10 },
      { score: 2, impressions: 0, rewards: 0 },
    ];
    const means = [...priorMeans(pool, config)];
    expect(means[0]).toBeGreaterThan(means[2] ?? 1);
    expect(means[2]).toBeGreaterThan(means[1] ?? 1);
    const level = (20 + config.priorStrength * config.baseClickRate) / (200 + config.priorStrength);
    expect(means[2]).toBeCloseTo(level, 12);
  });

  it("draws Beta samples with the right mean and variance", () => {
    const rng = withPolarNormals(createRng(7));
    for (const [alpha, beta] of [
      [0.3, 2.7],
      [4, 6],
      [0.05, 40],
    ] as const) {
      const sample = createBetaSampler(alpha, beta);
      const draws = Array.from({ length: 40_000 }, () => sample(rng));
      const mean = draws.reduce((sum, value) => sum + value, 0) / draws.length;
      const variance = draws.reduce((sum, value) => sum + (value - mean) ** 2, 0) / draws.length;
      expect(mean).toBeCloseTo(alpha / (alpha + beta), 2);
      const expected = betaVariance({ alpha, beta });
      expect(Math.abs(variance - expected)).toBeLessThan(0.05 * expected);
    }
    expect(() => createBetaSampler(0, 1)).toThrow(/shape must be a positive number, got 0/);
  });
});

describe("explorationProbabilities", () => {
  const pool: ExplorationCandidate[] = [
    { score: 0.9, impressions: 5_000, rewards: 250 },
    { score: 0.5, impressions: 3_000, rewards: 60 },
    { score: 0.1, impressions: 0, rewards: 0 },
    { score: 0.5, impressions: 0, rewards: 0 },
    { score: -2, impressions: 10_000, rewards: 10 },
  ];

  it("sums to one and gives every candidate at least floor / n", () => {
    const p = explorationProbabilities(pool, config, createRng(1));
    expect(p.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
    for (const value of p) expect(value).toBeGreaterThanOrEqual(config.floor / pool.length - 1e-15);
  });

  it("favours items with little evidence: their wide posteriors win the draws against well-known items of the same rate", () => {
    const known = { score: 0, impressions: 10_000, rewards: 500 };
    const unknown = { score: 0, impressions: 0, rewards: 0 };
    const p = explorationProbabilities([...Array(10).fill(known), ...Array(10).fill(unknown)], config, createRng(3));
    const knownShare = p.slice(0, 10).reduce((sum, value) => sum + value, 0);
    const unknownShare = p.slice(10).reduce((sum, value) => sum + value, 0);
    expect(unknownShare).toBeGreaterThan(0.8);
    expect(Math.min(...p.slice(10))).toBeGreaterThan(Math.max(...p.slice(0, 10)));
    expect(knownShare + unknownShare).toBeCloseTo(1, 12);
  });

  it("follows the evidence: an item whose shown impressions earned many clicks wins most draws", () => {
    const p = explorationProbabilities(
      [
        { score: 0, impressions: 1_000, rewards: 300 },
        { score: 0, impressions: 1_000, rewards: 20 },
      ],
      config,
      createRng(4),
    );
    expect(p[0]).toBeCloseTo(1 - config.floor / 2, 6);
  });

  it("gives the same distribution for the same seed", () => {
    expect(explorationProbabilities(pool, config, createRng(9))).toEqual(
      explorationProbabilities(pool, config, createRng(9)),
    );
  });
});

describe("composeExploringSlate", () => {
  const greedy = ["g0", "g1", "g2", "g3", "g4", "g5"];
  const pool = ["x0", "x1", "x2", "x3", "x4"].map((item, i) => ({
    item,
    score: 1 - i / 5,
    impressions: i * 50,
    rewards: i * 2,
  }));

  it("puts exploratory picks in the configured slots, keeps the greedy order around them and the slate's length", () => {
    const slate = composeExploringSlate({ greedy, pool, config, rng: createRng(5) });
    expect(slate.map((pick) => pick.slot)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(slate.filter((pick) => pick.exploratory).map((pick) => pick.slot)).toEqual([1, 3]);
    expect(slate.filter((pick) => !pick.exploratory).map((pick) => pick.item)).toEqual(["g0", "g1", "g2", "g3"]);
    for (const pick of slate) {
      if (pick.exploratory) expect(pick.propensity).toBeGreaterThan(0);
      else expect(pick.propensity).toBe(1);
    }
    expect(new Set(slate.map((pick) => pick.item)).size).toBe(6);
  });

  it("replays the same choices and propensities from the same seed", () => {
    const first = composeExploringSlate({ greedy, pool, config, rng: createRng(42) });
    expect(composeExploringSlate({ greedy, pool, config, rng: createRng(42) })).toEqual(first);
    const others = Array.from({ length: 20 }, (_, seed) =>
      JSON.stringify(composeExploringSlate({ greedy, pool, config, rng: createRng(seed) })),
    );
    expect(new Set(others).size).toBeGreaterThan(1);
  });

  it("is the greedy slate with no slots, an empty pool, or slots past its end", () => {
    const greedyOnly = greedy.map((item, slot) => ({ item, slot, propensity: 1, exploratory: false }));
    expect(composeExploringSlate({ greedy, pool, config: { ...config, slots: [] }, rng: createRng(1) })).toEqual(
      greedyOnly,
    );
    expect(composeExploringSlate({ greedy, pool: [], config, rng: createRng(1) })).toEqual(greedyOnly);
    expect(composeExploringSlate({ greedy, pool, config: { ...config, slots: [6, 11] }, rng: createRng(1) })).toEqual(
      greedyOnly,
    );
  });

  it("logs exactly the probabilities it samples from: frequencies match the propensities (chi-square, both slots)", () => {
    const smallDraws = { ...config, draws: 32 };
    const runs = 20_000;
    const observedFirst = new Array<number>(pool.length).fill(0);
    const observedSecond = new Array<number>(pool.length).fill(0);
    const expectedFirst = new Array<number>(pool.length).fill(0);
    const expectedSecond = new Array<number>(pool.length).fill(0);
    const indexOf = new Map(pool.map((candidate, i) => [candidate.item, i]));
    for (let seed = 0; seed < runs; seed++) {
      // The slate's first rng use is the distribution: the same seed gives the very p it sampled from.
      const p = explorationProbabilities(pool, smallDraws, createRng(seed));
      const slate = composeExploringSlate({ greedy, pool, config: smallDraws, rng: createRng(seed) });
      const picks = slate.filter((pick) => pick.exploratory);
      const first = indexOf.get(picks[0]?.item ?? "") ?? -1;
      const second = indexOf.get(picks[1]?.item ?? "") ?? -1;
      expect(picks[0]?.propensity).toBeCloseTo(p[first] ?? 0, 12);
      const rest = 1 - (p[first] ?? 0);
      expect(picks[1]?.propensity).toBeCloseTo((p[second] ?? 0) / rest, 12);
      observedFirst[first] = (observedFirst[first] ?? 0) + 1;
      observedSecond[second] = (observedSecond[second] ?? 0) + 1;
      for (let j = 0; j < pool.length; j++) {
        expectedFirst[j] = (expectedFirst[j] ?? 0) + (p[j] ?? 0);
        if (j !== first) expectedSecond[j] = (expectedSecond[j] ?? 0) + (p[j] ?? 0) / rest;
      }
    }
    // 4 degrees of freedom: 18.47 is the 0.1 % critical value.
    expect(chiSquare(observedFirst, expectedFirst)).toBeLessThan(18.47);
    expect(chiSquare(observedSecond, expectedSecond)).toBeLessThan(18.47);
  });

  it("gives a candidate that does not fit no probability, and the others' conditional probabilities sum to one", () => {
    const fits = (item: string, slot: number, taken: ReadonlyArray<{ item: string; slot: number }>) =>
      item !== "x0" && !(slot === 3 && taken.some((pick) => pick.item === "x1" && pick.slot === 1) && item === "x2");
    for (let seed = 0; seed < 200; seed++) {
      const slate = composeExploringSlate({ greedy, pool, config, rng: createRng(seed), fits });
      const picks = slate.filter((pick) => pick.exploratory).map((pick) => pick.item);
      expect(picks).toHaveLength(2);
      expect(picks).not.toContain("x0");
      if (picks[0] === "x1") expect(picks[1]).not.toBe("x2");
    }
    const p = explorationProbabilities(pool, config, createRng(11));
    const slate = composeExploringSlate({ greedy, pool, config, rng: createRng(11), fits });
    const first = slate.find((pick) => pick.exploratory);
    const eligible = (p[1] ?? 0) + (p[2] ?? 0) + (p[3] ?? 0) + (p[4] ?? 0);
    const index = pool.findIndex((candidate) => candidate.item === first?.item);
    expect(first?.propensity).toBeCloseTo((p[index] ?? 0) / eligible, 12);
  });
});

describe("checkExplorationConfig", () => {
  it("accepts the defaults and names every wrong field", () => {
    expect(checkExplorationConfig(DEFAULT_EXPLORATION_CONFIG)).toBe(DEFAULT_EXPLORATION_CONFIG);
    expect(() =>
      checkExplorationConfig({ ...config, slots: [1, 1, -2], draws: 0, floor: 0, poolSize: 1.5, baseClickRate: 2 }),
    ).toThrow(
      /slots: 1 is listed twice; slots: -2 is not a 0-based position; draws: 0.*floor: 0.*poolSize: 1.5.*baseClickRate: 2/,
    );
  });
});

import type { ExplorationConfig } from "./exploration-config";

/** One exploration candidate: the model's score for this shopper, and the stored evidence about the item. */
export type ExplorationCandidate = {
  score: number;
  /** Times the item was shown in a logged feed slot. */
  impressions: number;
  /** Of those impressions, how many got a click, cart or purchase attributed to them (≤ impressions). */
  rewards: number;
};

/** A Beta(alpha, beta) belief about an item's click rate. */
export type BetaPosterior = { alpha: number; beta: number };

const MIN_PRIOR_MEAN = 1e-3;
const MAX_PRIOR_MEAN = 0.5;

/**
 * Prior click-rate means for a pool from the model's scores. Scores of different models have no common scale, so the
 * calibration is relative: the pool's own observed click rate (its rewards over its impressions, shrunk toward
 * `baseClickRate` by `priorStrength` pseudo-impressions) sets the level, and each item's score, standardised within the
 * pool (z), tilts it by the factor 0.5 + σ(z): an item of average score gets the pool's rate, the best up to 1.5 times
 * it, the worst down to half. The tilt is bounded so that an item the model ranks low (a new one it cannot rate) still
 * has a prior its first impressions can overturn. Clamped to [0.001, 0.5].
 */
export function priorMeans(candidates: readonly ExplorationCandidate[], config: ExplorationConfig): Float64Array {
  let shown = 0;
  let rewarded = 0;
  let sum = 0;
  for (const candidate of candidates) {
    shown += candidate.impressions;
    rewarded += candidate.rewards;
    sum += candidate.score;
  }
  const level = (rewarded + config.priorStrength * config.baseClickRate) / (shown + config.priorStrength);
  const mean = sum / Math.max(1, candidates.length);
  let squares = 0;
  for (const candidate of candidates) squares += (candidate.score - mean) ** 2;
  const spread = Math.sqrt(squares / Math.max(1, candidates.length));
  const means = new Float64Array(candidates.length);
  candidates.forEach((candidate, i) => {
    const z = spread > 0 && Number.isFinite(candidate.score) ? (candidate.score - mean) / spread : 0;
    const prior = level * (0.5 + 1 / (1 + Math.exp(-z)));
    means[i] = Math.min(MAX_PRIOR_MEAN, Math.max(MIN_PRIOR_MEAN, prior));
  });
  return means;
}

/**
 * The item's posterior: the prior Beta(m·s, (1 − m)·s) of mean m and strength s pseudo-impressions, updated with its
 * evidence (rewards as successes, the other impressions as failures). No retraining: new impressions and clicks move
 * it as soon as the evidence is re-read.
 */
export function betaPosterior(
  candidate: ExplorationCandidate,
  priorMean: number,
  priorStrength: number,
): BetaPosterior {
  if (!(candidate.impressions >= 0 && candidate.rewards >= 0)) {
    throw new Error(
      `exploration candidate evidence must be ≥ 0 (impressions ${candidate.impressions}, rewards ${candidate.rewards})`,
    );
  }
  const rewards = Math.min(candidate.rewards, candidate.impressions);
  return {
    alpha: priorMean * priorStrength + rewards,
    beta: (1 - priorMean) * priorStrength + candidate.impressions - rewards,
  };
}

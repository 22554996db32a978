import type { Rng } from "../random/create-rng";
import { betaPosterior, type ExplorationCandidate, priorMeans } from "./beta-posterior";
import type { ExplorationConfig } from "./exploration-config";
import { createBetaSampler, withPolarNormals } from "./sample-beta";

/**
 * The probability with which an exploration slot shows each candidate: Thompson sampling's P(candidate i has the
 * highest posterior draw), estimated from `config.draws` seeded rounds of one draw per candidate, mixed with a uniform
 * `config.floor` so every candidate keeps a probability > 0 (off-policy estimators divide by it). The result IS the
 * distribution the slot is sampled from (composeExploringSlate), so the logged propensity is exact, not an estimate
 * of an estimate. Sums to one; empty for an empty pool.
 */
export function explorationProbabilities(
  candidates: readonly ExplorationCandidate[],
  config: ExplorationConfig,
  rng: Rng,
): Float64Array {
  const n = candidates.length;
  const probabilities = new Float64Array(n);
  if (n === 0) return probabilities;
  const means = priorMeans(candidates, config);
  const samplers = candidates.map((candidate, i) => {
    const posterior = betaPosterior(candidate, means[i] ?? config.baseClickRate, config.priorStrength);
    return createBetaSampler(posterior.alpha, posterior.beta);
  });
  const source = withPolarNormals(rng);
  const wins = new Float64Array(n);
  for (let draw = 0; draw < config.draws; draw++) {
    let best = 0;
    let bestValue = -1;
    for (let i = 0; i < n; i++) {
      const value = samplers[i]?.(source) ?? 0;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    wins[best] = (wins[best] ?? 0) + 1;
  }
  for (let i = 0; i < n; i++) {
    probabilities[i] = (1 - config.floor) * ((wins[i] ?? 0) / config.draws) + config.floor / n;
  }
  return probabilities;
}

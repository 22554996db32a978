import type { Rng } from "../random/create-rng";
import type { ExplorationCandidate } from "./beta-posterior";
import type { ExplorationConfig } from "./exploration-config";
import { explorationProbabilities } from "./exploration-probabilities";

/** One position of the served slate and the probability with which the policy put that item there. */
export type SlatePick<T> = { item: T; slot: number; propensity: number; exploratory: boolean };

export type ExploringSlateInput<T> = {
  /** The greedy slate in order (the model's picks after the business rules). */
  greedy: readonly T[];
  /** Exploration candidates: none of them in `greedy`, every one allowed by the business rules. */
  pool: ReadonlyArray<ExplorationCandidate & { item: T }>;
  config: ExplorationConfig;
  rng: Rng;
  /**
   * Whether `item` may fill exploration slot `slot`, given the exploratory picks already `taken` in earlier slots (e.g.
   * a category cap on the first screen that counts them); a candidate refused here gets no probability in that slot.
   * Default: always.
   */
  fits?: (item: T, slot: number, taken: ReadonlyArray<{ item: T; slot: number }>) => boolean;
};

/**
 * The greedy slate with its exploration slots filled by Thompson sampling. One distribution p over the pool is computed
 * (explorationProbabilities); slot after slot, an item is sampled from p restricted to the candidates not yet taken
 * that `fits`, and its propensity is that conditional probability p_j / Σ(p of those candidates) — with every
 * candidate fitting, p_j / (1 − Σ p already taken). The propensities of each slot's candidates sum to one. Greedy
 * items keep their order around the exploratory ones (the greedy tail drops off) with propensity 1. A slot no
 * candidate can fill stays greedy. Same rng seed, same slate.
 */
export function composeExploringSlate<T>(input: ExploringSlateInput<T>): Array<SlatePick<T>> {
  const { greedy, pool, config, rng } = input;
  const fits = input.fits ?? (() => true);
  const slots = [...new Set(config.slots)].filter((slot) => slot < greedy.length).sort((a, b) => a - b);
  const explored = new Map<number, { item: T; propensity: number }>();
  if (slots.length > 0 && pool.length > 0) {
    const probabilities = explorationProbabilities(pool, config, rng);
    const taken = new Set<number>();
    const takenItems: Array<{ item: T; slot: number }> = [];
    for (const slot of slots) {
      const eligible: number[] = [];
      let total = 0;
      pool.forEach((candidate, j) => {
        if (taken.has(j) || !fits(candidate.item, slot, takenItems)) return;
        eligible.push(j);
        total += probabilities[j] ?? 0;
      });
      if (eligible.length === 0 || total <= 0) continue;
      const chosen = sampleIndex(eligible, probabilities, total, rng.next());
      const candidate = pool[chosen];
      if (candidate === undefined) continue;
      taken.add(chosen);
      takenItems.push({ item: candidate.item, slot });
      explored.set(slot, { item: candidate.item, propensity: (probabilities[chosen] ?? 0) / total });
    }
  }
  const slate: Array<SlatePick<T>> = [];
  let next = 0;
  for (let slot = 0; slot < greedy.length; slot++) {
    const pick = explored.get(slot);
    if (pick) {
      slate.push({ item: pick.item, slot, propensity: pick.propensity, exploratory: true });
      continue;
    }
    const item = greedy[next++];
    if (item !== undefined) slate.push({ item, slot, propensity: 1, exploratory: false });
  }
  return slate;
}

/** The eligible index whose cumulative probability first exceeds u·total (the last one absorbs rounding). */
function sampleIndex(eligible: readonly number[], probabilities: Float64Array, total: number, u: number): number {
  const target = u * total;
  let cumulative = 0;
  for (const j of eligible) {
    cumulative += probabilities[j] ?? 0;
    if (target < cumulative) return j;
  }
  return eligible[eligible.length - 1] ?? 0;
}

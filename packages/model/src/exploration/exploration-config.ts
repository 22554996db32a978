/**
 * The policy name and version logged with every impression: change the version whenever the maths or the pool rule
 * changes (the pool decides which items get a probability at all). /1: pool of the model's least-shown candidates and
 * the global least-shown list; /2: the pool also follows up clicked items and the shopper's own categories and metals;
 * /3: the taste part is ordered by attribute affinity to the shopper's products (category, metal, gem, gender, price),
 * and products the model cannot score get a prior score tilted by that affinity; /4: the taste part walks the taste
 * keys' lists in turn again (as /2, a third of /3's planning cost), keeping /3's affinity-tilted prior; /5: within the
 * taste keys, the products the served model cannot rate (it never saw them) come first; /6: the first screen's category
 * cap counts only the greedy picks that stay on it (the tail pick an exploratory one pushes off no longer counts), a
 * product the model has no behaviour for (`Recommender.learnedFromBehaviour`) is unrated too, and the model's half of
 * the pool takes its ranked unrated products first; /7: the whole pool takes the products the served model cannot rate
 * first — from the model's ranking, the follow-ups, the taste keys and a catalog-wide unrated list — and rated
 * products only when too few unrated ones are allowed.
 */
export const EXPLORATION_POLICY = "thompson-beta/7";

/**
 * How the exploration layer behaves (docs/exploration.md). Built once where the server starts (the operator's setting
 * decides `slots`) and passed down.
 */
export type ExplorationConfig = {
  /** 0-based feed positions given to exploratory picks; positions beyond the slate's length are ignored. */
  slots: readonly number[];
  /** Seeded posterior draws that estimate each candidate's probability of winning (more: smoother, slower). */
  draws: number;
  /** Share of each slot's probability spread uniformly over the pool, so every candidate has a propensity > 0. */
  floor: number;
  /** Weight of the model-score prior, in pseudo-impressions: small, so a few real impressions outweigh it. */
  priorStrength: number;
  /** At most this many exploration candidates per request. */
  poolSize: number;
  /** The click rate assumed before any evidence (the pool's observed rate is shrunk toward it). */
  baseClickRate: number;
};

/**
 * Which of the first screen's 12 positions (0-based) explore, by how many do (0–4): never one of the top three, which
 * shoppers look at most; one slot is the 10th pick, each further slot fills in above it. The shop's setting
 * (JEWELGUIDE_EXPLORATION_SLOTS) and the exploration benchmark's shares both read this table, so what the benchmark
 * measured for a share is what an operator gets by choosing it.
 */
const EXPLORATION_SLOT_LAYOUTS: readonly (readonly number[])[] = [[], [9], [3, 9], [3, 6, 9], [2, 5, 8, 11]];

/** The most slots of the first screen that may explore: a bounded share (a third). */
export const MAX_EXPLORATION_SLOTS = EXPLORATION_SLOT_LAYOUTS.length - 1;

/**
 * How many slots explore when the operator says nothing: one (the 10th pick), the cheapest share. On REES46 served by
 * the joint model (the shop's default), with as many never-sold products as new ones in the catalog, one slot of
 * `thompson-beta/7` cost about 2.5 % of simulated purchases and two about 9 %; without never-sold products two slots
 * cost 0.8 ± 1.7 % and raised new products' first sales clearly (BENCHMARKS.md §6) — so a shop whose new products
 * mostly sell can set 2.
 */
export const DEFAULT_EXPLORATION_SLOT_COUNT = 1;

/** The exploring positions for `count` slots; throws on a count outside 0–MAX_EXPLORATION_SLOTS. */
export function explorationSlotsFor(count: number): readonly number[] {
  const slots = Number.isInteger(count) ? EXPLORATION_SLOT_LAYOUTS[count] : undefined;
  if (slots === undefined) {
    throw new Error(`exploration slots must be a whole number from 0 to ${MAX_EXPLORATION_SLOTS}, got ${count}`);
  }
  return slots;
}

export const DEFAULT_EXPLORATION_CONFIG: ExplorationConfig = {
  slots: explorationSlotsFor(DEFAULT_EXPLORATION_SLOT_COUNT),
  draws: 128,
  floor: 0.1,
  priorStrength: 2,
  poolSize: 32,
  baseClickRate: 0.05,
};

/** The config, checked: a wrong field throws an error naming it and the allowed range. */
export function checkExplorationConfig(config: ExplorationConfig): ExplorationConfig {
  const problems: string[] = [];
  const slotsSeen = new Set<number>();
  for (const slot of config.slots) {
    if (!Number.isInteger(slot) || slot < 0) problems.push(`slots: ${slot} is not a 0-based position`);
    else if (slotsSeen.has(slot)) problems.push(`slots: ${slot} is listed twice`);
    slotsSeen.add(slot);
  }
  if (!Number.isInteger(config.draws) || config.draws < 1)
    problems.push(`draws: ${config.draws} must be an integer ≥ 1`);
  if (!(config.floor > 0 && config.floor < 1)) problems.push(`floor: ${config.floor} must be in (0, 1)`);
  if (!(config.priorStrength > 0 && Number.isFinite(config.priorStrength))) {
    problems.push(`priorStrength: ${config.priorStrength} must be a positive number`);
  }
  if (!Number.isInteger(config.poolSize) || config.poolSize < 1) {
    problems.push(`poolSize: ${config.poolSize} must be an integer ≥ 1`);
  }
  if (!(config.baseClickRate > 0 && config.baseClickRate < 1)) {
    problems.push(`baseClickRate: ${config.baseClickRate} must be in (0, 1)`);
  }
  if (problems.length > 0) throw new Error(`Invalid exploration config: ${problems.join("; ")}`);
  return config;
}

/**
 * The feed's exploration policy (light subpath `@jewelguide/model/exploration`): Thompson sampling over per-item Beta
 * posteriors of the click rate, with exact logged propensities. Pure: the server gives evidence and a seeded RNG.
 */
export { createRng, type Rng } from "../random/create-rng";
export { type BetaPosterior, betaPosterior, type ExplorationCandidate, priorMeans } from "./beta-posterior";
export { composeExploringSlate, type ExploringSlateInput, type SlatePick } from "./compose-exploring-slate";
export {
  checkExplorationConfig,
  DEFAULT_EXPLORATION_CONFIG,
  DEFAULT_EXPLORATION_SLOT_COUNT,
  EXPLORATION_POLICY,
  type ExplorationConfig,
  explorationSlotsFor,
  MAX_EXPLORATION_SLOTS,
} from "./exploration-config";
export { explorationProbabilities } from "./exploration-probabilities";
export { explorationSeed } from "./exploration-seed";

/**
 * The exploration pool's rule as pure functions (`@jewelguide/api/exploration-pool`): the exploration simulator
 * (`npm run bench -- exploration`) builds its pools with the very code the feed serves (planExploration), so the two
 * cannot drift.
 */
export { buildExplorationIndex, type ExplorationIndex, type PoolProduct } from "./exploration/exploration-index";
export { type PoolItem, type PoolPlan, planExplorationPool } from "./exploration/plan-exploration-pool";

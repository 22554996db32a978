import { capPerCategory, type FeedRules } from "@jewelguide/api/feed-rules";
import { composeExploringSlate, type ExplorationConfig } from "@jewelguide/model/exploration";
import { buildExplorationPool } from "./build-exploration-pool";
import type { ExplorationDecision, FeedPolicy, PoolCandidate, RankedCandidate, VisitContext } from "./feed-policy";

/** The score the bandit's prior reads for a pool item (default: the served model's score for this shopper). */
export type PriorScore = (context: VisitContext, candidate: PoolCandidate) => number;

/**
 * The feed with the exploration layer (`@jewelguide/model/exploration`, the server's own code) over the greedy slate:
 * `config.slots` positions go to Thompson-sampled picks from the visit's pool, each logged with the exact probability
 * it was chosen with. The category rule still holds after insertion: an exploratory pick must keep its category
 * within `maxPerCategory` on the first screen, counting the greedy picks that stay and the exploratory ones before it.
 * `priorScore` lets the bandit read another model's scores (the off-policy validation's targets).
 */
export function exploringPolicy(
  name: string,
  k: number,
  rules: Pick<FeedRules, "firstScreenSize" | "maxPerCategory">,
  config: ExplorationConfig,
  priorScore?: PriorScore,
): FeedPolicy {
  return {
    name,
    serve: (context) => {
      const greedy = capPerCategory(context.ranked, k, rules.firstScreenSize, rules.maxPerCategory);
      const built = buildExplorationPool(context, greedy, config.poolSize);
      const pool =
        priorScore === undefined
          ? built
          : built.map((candidate) => ({ ...candidate, score: priorScore(context, candidate) }));
      const fits = categoryRule(greedy.slice(0, rules.firstScreenSize), rules);
      const slate = composeExploringSlate({ greedy, pool, config, rng: context.rng, fits });
      const exploration: ExplorationDecision = { pool, fits };
      return {
        picks: slate.map((pick) => ({
          itemIndex: pick.item.itemIndex,
          slot: pick.slot,
          propensity: pick.propensity,
          exploratory: pick.exploratory,
        })),
        exploration,
      };
    },
  };
}

/**
 * Whether a candidate's category stays within the cap on the first screen, beside the greedy first screen and the
 * exploratory picks taken there; a slot past the first screen has no cap (as capPerCategory).
 */
function categoryRule(
  greedyScreen: readonly RankedCandidate[],
  rules: Pick<FeedRules, "firstScreenSize" | "maxPerCategory">,
): ExplorationDecision["fits"] {
  const counts = new Map<string, number>();
  for (const candidate of greedyScreen)
    counts.set(candidate.product.category, (counts.get(candidate.product.category) ?? 0) + 1);
  return (item, slot, taken) => {
    if (slot >= rules.firstScreenSize) return true;
    const category = item.product.category;
    const inTaken = taken.filter(
      (other) => other.slot < rules.firstScreenSize && other.item.product.category === category,
    );
    return (counts.get(category) ?? 0) + inTaken.length < rules.maxPerCategory;
  };
}

import { planExplorationPool } from "@jewelguide/api/exploration-pool";
import { capPerCategory, type FeedRules } from "@jewelguide/api/feed-rules";
import { composeExploringSlate, type ExplorationConfig } from "@jewelguide/model/exploration";
import type { ExplorationDecision, FeedPolicy, PoolCandidate, VisitContext } from "./feed-policy";

/** The score the bandit's prior reads for a pool item (default: the served model's score for this shopper). */
export type PriorScore = (context: VisitContext, candidate: PoolCandidate) => number;

/**
 * The feed with the exploration layer (`@jewelguide/model/exploration`, the server's own code) over the greedy slate:
 * `config.slots` positions go to Thompson-sampled picks from the visit's pool, each logged with the exact probability
 * it was chosen with. The pool and the category rule are the feed's own (planExplorationPool, which the server's
 * planExploration calls): an exploratory pick must keep its category within `maxPerCategory` on the first screen.
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
      const plan = planExplorationPool({
        ranked: context.ranked,
        greedy,
        isExcluded: context.isExcluded,
        taste: context.taste,
        evidenceOf: (id) => ({
          impressions: context.evidence.impressions[id] as number,
          rewards: context.evidence.rewards[id] as number,
        }),
        index: context.index(),
        shopperId: context.userId,
        config,
        rules,
      });
      const pool =
        priorScore === undefined
          ? plan.pool
          : plan.pool.map((candidate) => ({ ...candidate, score: priorScore(context, candidate) }));
      const fits = plan.fits;
      const slate = composeExploringSlate({ greedy, pool, config, rng: context.rng, fits });
      const exploration: ExplorationDecision = { pool, fits };
      return {
        picks: slate.map((pick) => ({
          itemIndex: pick.item.product.id,
          slot: pick.slot,
          propensity: pick.propensity,
          exploratory: pick.exploratory,
        })),
        exploration,
      };
    },
  };
}

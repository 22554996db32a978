import { capPerCategory, type FeedRules } from "@jewelguide/api/feed-rules";
import type { FeedPolicy } from "./feed-policy";

/** The feed without exploration: the model's ranking under the feed's category rule, every pick with propensity 1. */
export function greedyPolicy(
  name: string,
  k: number,
  rules: Pick<FeedRules, "firstScreenSize" | "maxPerCategory">,
): FeedPolicy {
  return {
    name,
    serve: (context) => ({
      picks: capPerCategory(context.ranked, k, rules.firstScreenSize, rules.maxPerCategory).map((candidate, slot) => ({
        itemIndex: candidate.product.id,
        slot,
        propensity: 1,
        exploratory: false,
      })),
    }),
  };
}

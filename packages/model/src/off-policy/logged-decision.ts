/**
 * One logged decision as the off-policy estimators read it: an item the logging policy showed (in one slot, for one
 * shopper), the probability with which it showed it, the probability the target policy would have shown that same
 * item there, the reward it earned, and a reward model's view of that decision.
 */
export type LoggedDecision = {
  /** p₀(a|x): the probability with which the logging policy chose the logged item, in (0, 1]. */
  loggingPropensity: number;
  /** π(a|x): the probability with which the target policy would choose the logged item in that decision, in [0, 1]. */
  targetProbability: number;
  /** The reward the logged item earned (e.g. 1 for a click, else 0); any finite number. */
  reward: number;
  /** r̂(x, a): the reward model's prediction for the logged item (used by doubly robust only); finite. */
  predictedReward: number;
  /** Σₐ π(a|x)·r̂(x, a): the reward the model expects the target policy to earn in that decision; finite. */
  expectedTargetReward: number;
  /**
   * Who the decision was served to (the shopper, or the request when nobody was named): decisions of one cluster may be
   * correlated, so the intervals treat clusters as the independent units. Omitted: the decision is its own cluster.
   */
  cluster?: string;
};

/** Each decision's cluster, or undefined when none names one (every decision then its own cluster). */
export function clustersOf(decisions: readonly LoggedDecision[]): string[] | undefined {
  if (decisions.every((decision) => decision.cluster === undefined)) return undefined;
  return decisions.map((decision, index) => decision.cluster ?? `decision ${index}`);
}

/**
 * Throws an error naming the first bad decision and field: the estimators divide by the logging propensity, so a
 * zero, negative, above-one or non-finite value would silently turn into Infinity or NaN in every estimate.
 */
export function assertLoggedDecisions(decisions: readonly LoggedDecision[]): void {
  decisions.forEach((decision, index) => {
    const where = `Logged decision ${index}`;
    const { loggingPropensity, targetProbability } = decision;
    if (!(Number.isFinite(loggingPropensity) && loggingPropensity > 0 && loggingPropensity <= 1)) {
      throw new Error(
        `${where}: loggingPropensity must be in (0, 1], got ${loggingPropensity} (a decision the logging policy could not have made cannot be reweighted).`,
      );
    }
    if (!(Number.isFinite(targetProbability) && targetProbability >= 0 && targetProbability <= 1)) {
      throw new Error(`${where}: targetProbability must be in [0, 1], got ${targetProbability}.`);
    }
    for (const field of ["reward", "predictedReward", "expectedTargetReward"] as const) {
      if (!Number.isFinite(decision[field]))
        throw new Error(`${where}: ${field} must be a finite number, got ${decision[field]}.`);
    }
  });
}

/** w = π(a|x) / p₀(a|x), the importance weight of a decision. */
export function importanceWeight(decision: LoggedDecision): number {
  return decision.targetProbability / decision.loggingPropensity;
}

import { z } from "zod";

/** The rewards off-policy evaluation estimates: a funnel, each level counting the deeper ones (a purchase is a cart). */
export const OFF_POLICY_REWARDS = ["click", "cart", "purchase"] as const;
export type OffPolicyReward = (typeof OFF_POLICY_REWARDS)[number];

/**
 * The candidate policies evaluated: the version behind the same exploration layer as serving (`exploring`), or the
 * version's own greedy feed (`greedy`).
 */
export const OFF_POLICY_TARGETS = ["exploring", "greedy"] as const;
export type OffPolicyTarget = (typeof OFF_POLICY_TARGETS)[number];

const IntervalSchema = z.object({
  estimate: z.number(),
  standardError: z.number(),
  lower: z.number(),
  upper: z.number(),
});

/**
 * One stored off-policy estimate of a version: one target policy and one reward on one log window. No field is ever
 * null (the publish gates read a null in the metrics as a failed metric): an open window start is left out.
 */
export const OffPolicyEstimateSchema = z.object({
  target: z.enum(OFF_POLICY_TARGETS),
  reward: z.enum(OFF_POLICY_REWARDS),
  evaluatedAt: z.iso.datetime(),
  /** The --since the run was asked for, if any. */
  since: z.iso.datetime().optional(),
  /** The first and last servedAt of the logged decisions used. */
  firstServedAt: z.iso.datetime(),
  lastServedAt: z.iso.datetime(),
  /** The logging policies of those decisions (Impression.policy). */
  loggingPolicies: z.array(z.string()),
  /** How the doubly robust reward model was built (docs/off-policy.md). */
  rewardModel: z.string(),
  requests: z.number().int().nonnegative(),
  decisions: z.number().int().nonnegative(),
  loggedReward: IntervalSchema,
  inversePropensity: IntervalSchema,
  selfNormalised: IntervalSchema,
  doublyRobust: IntervalSchema,
  effectiveSampleSize: z.number(),
  supportedShare: IntervalSchema,
});
export type OffPolicyEstimate = z.infer<typeof OffPolicyEstimateSchema>;

/** `ModelVersion.metrics.offPolicy`: the latest estimate per (target, reward), written by `worker evaluate --off-policy`. */
export const OffPolicyMetricsSchema = z.object({ estimates: z.array(OffPolicyEstimateSchema) });
export type OffPolicyMetrics = z.infer<typeof OffPolicyMetricsSchema>;

/**
 * A version's stored off-policy estimates (none when the metrics hold none), or what is wrong with them. Kept apart
 * from ModelMetricsSchema so a malformed estimate cannot block the publish gates' own reading.
 */
export function readOffPolicyMetrics(
  metrics: unknown,
): { ok: true; estimates: OffPolicyEstimate[] } | { ok: false; problem: string } {
  const stored =
    typeof metrics === "object" && metrics !== null ? (metrics as { offPolicy?: unknown }).offPolicy : undefined;
  if (stored === undefined) return { ok: true, estimates: [] };
  const parsed = OffPolicyMetricsSchema.safeParse(stored);
  if (parsed.success) return { ok: true, estimates: parsed.data.estimates };
  const problem = parsed.error.issues
    .map((issue) => `${["metrics", "offPolicy", ...issue.path.map(String)].join(".")}: ${issue.message}`)
    .join("; ");
  return { ok: false, problem };
}

/** The stored estimates with `fresh` replacing any earlier one of the same target and reward. */
export function mergeOffPolicyEstimates(
  stored: readonly OffPolicyEstimate[],
  fresh: readonly OffPolicyEstimate[],
): OffPolicyMetrics {
  const key = (estimate: OffPolicyEstimate) => `${estimate.target}|${estimate.reward}`;
  const replaced = new Set(fresh.map(key));
  return { estimates: [...stored.filter((estimate) => !replaced.has(key(estimate))), ...fresh] };
}

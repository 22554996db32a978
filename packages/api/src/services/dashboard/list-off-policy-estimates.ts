import {
  type Db,
  listModelVersions,
  OFF_POLICY_REWARDS,
  OFF_POLICY_TARGETS,
  type OffPolicyEstimate,
  readOffPolicyMetrics,
} from "@jewelguide/db";

export type OffPolicyVersionRow = {
  id: number;
  kind: string;
  status: string;
  /** The stored estimates, exploring before greedy, then click, cart, purchase. */
  estimates: OffPolicyEstimate[];
  /** What is wrong with the stored estimates when they do not parse (then `estimates` is empty). */
  problem?: string;
};

/**
 * Every version that has off-policy estimates stored by `worker evaluate --off-policy` (metrics.offPolicy), newest
 * first: what the logged exploration traffic says each candidate would earn, before it serves anyone.
 */
export async function listOffPolicyEstimates(db: Db): Promise<OffPolicyVersionRow[]> {
  const versions = await listModelVersions(db);
  return versions.flatMap((version) => {
    const read = readOffPolicyMetrics(version.metrics);
    const row = { id: version.id, kind: version.kind, status: version.status };
    if (!read.ok) return [{ ...row, estimates: [], problem: read.problem }];
    if (read.estimates.length === 0) return [];
    return [{ ...row, estimates: [...read.estimates].sort(byTargetThenReward) }];
  });
}

function byTargetThenReward(a: OffPolicyEstimate, b: OffPolicyEstimate): number {
  return (
    OFF_POLICY_TARGETS.indexOf(a.target) - OFF_POLICY_TARGETS.indexOf(b.target) ||
    OFF_POLICY_REWARDS.indexOf(a.reward) - OFF_POLICY_REWARDS.indexOf(b.reward)
  );
}

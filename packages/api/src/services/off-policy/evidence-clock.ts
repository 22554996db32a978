import type { ExplorationEvidenceRow } from "@jewelguide/db";
import type { LoggedImpression } from "./load-impression-log";

/**
 * The exploration evidence (listExplorationEvidence's rows) as it stood at any past moment, so a replayed request
 * sees the posteriors of its time: impressions served before it, and of those the ones whose first attributed reward
 * happened before it — the same cut-off serving reads with. Per product two sorted time arrays and a binary search.
 */
export function createEvidenceClock(log: readonly LoggedImpression[]): (at: Date) => ExplorationEvidenceRow[] {
  const served = new Map<number, number[]>();
  const rewarded = new Map<number, number[]>();
  const push = (map: Map<number, number[]>, key: number, time: number) => {
    const times = map.get(key);
    if (times) times.push(time);
    else map.set(key, [time]);
  };
  for (const impression of log) {
    push(served, impression.productId, impression.servedAt.getTime());
    // As listExplorationEvidence counts it: a rewarded impression once both it was served and its first reward happened.
    const rewardedAt = impression.firstRewardAt?.getTime();
    if (rewardedAt !== undefined) {
      push(rewarded, impression.productId, Math.max(rewardedAt, impression.servedAt.getTime()));
    }
  }
  for (const times of [...served.values(), ...rewarded.values()]) times.sort((a, b) => a - b);
  return (at) => {
    const time = at.getTime();
    const rows: ExplorationEvidenceRow[] = [];
    for (const [productId, times] of served) {
      const impressions = countBefore(times, time);
      if (impressions > 0) rows.push({ productId, impressions, rewards: countBefore(rewarded.get(productId), time) });
    }
    return rows;
  };
}

/** How many of the sorted times are strictly before `time`. */
function countBefore(times: readonly number[] | undefined, time: number): number {
  if (!times) return 0;
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((times[middle] ?? Number.POSITIVE_INFINITY) < time) low = middle + 1;
    else high = middle;
  }
  return low;
}

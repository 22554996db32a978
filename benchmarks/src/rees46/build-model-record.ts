import { aggregateSeeds, recallIntervals } from "./aggregate-seeds";
import type { EntryResult } from "./run-benchmark-entry";

/**
 * A model's record in rees46.json: today's per-model fields as the mean over its refit seeds, then `std` (per
 * metric, over seeds; 0 for a deterministic model's single run), `ci95` (Wilson intervals of the Recall@20 slices
 * over their shoppers), `seeds` (each seed's metrics), the chosen config and the validation trials.
 */
export function buildModelRecord(result: EntryResult): Record<string, unknown> {
  const { mean, std, seeds } = aggregateSeeds(result.seeds);
  return {
    ...mean,
    ...(result.peakRssMb === undefined ? {} : { peak_rss_mb: result.peakRssMb }),
    runs: seeds.length,
    std,
    ci95: recallIntervals(mean),
    seeds: seeds.map((run) => ({ seed: run.seed, ...run.metrics })),
    config: result.config,
    validation_trials: result.validationTrials,
  };
}

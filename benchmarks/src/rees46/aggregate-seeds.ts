import { wilsonInterval } from "./wilson-interval";

export type SeedRun = { seed: number; metrics: Record<string, number> };

export type SeedAggregate = {
  /** Every metric's mean over the seeds (the model's headline numbers). */
  mean: Record<string, number>;
  /** Every metric's sample standard deviation over the seeds (n − 1); 0 for a single run (deterministic models). */
  std: Record<string, number>;
  seeds: SeedRun[];
};

/** Mean and spread over the seeds a model was refitted with; metrics missing from some run are left out. */
export function aggregateSeeds(runs: readonly SeedRun[]): SeedAggregate {
  if (runs.length === 0) throw new Error("no seed runs to aggregate");
  const mean: Record<string, number> = {};
  const std: Record<string, number> = {};
  const names = Object.keys(runs[0]?.metrics ?? {}).filter((name) =>
    runs.every((run) => typeof run.metrics[name] === "number"),
  );
  for (const name of names) {
    const values = runs.map((run) => run.metrics[name] as number);
    const average = values.reduce((sum, value) => sum + value, 0) / values.length;
    mean[name] = average;
    std[name] =
      values.length < 2
        ? 0
        : Math.sqrt(values.reduce((sum, value) => sum + (value - average) ** 2, 0) / (values.length - 1));
  }
  return { mean, std, seeds: [...runs] };
}

/** Recall@20 slices reported with a 95 % interval: the metric and the field counting its shoppers. */
const INTERVAL_SLICES = [
  { metric: "recall@20", users: "test_users" },
  { metric: "cold_recall@20", users: "cold_users" },
  { metric: "item_cold_recall@20", users: "item_cold_users" },
] as const;

/**
 * Wilson 95 % intervals for the Recall@20 slices of the mean metrics. The seeds share their shoppers, so the mean hit
 * rate is treated as one proportion over those shoppers (not over seeds × shoppers, which would pretend to 3× the
 * data); the interval is the sampling uncertainty over shoppers, the std the spread over seeds.
 */
export function recallIntervals(mean: Readonly<Record<string, number>>): Record<string, [number, number]> {
  const intervals: Record<string, [number, number]> = {};
  for (const { metric, users } of INTERVAL_SLICES) {
    const recall = mean[metric];
    const count = mean[users];
    if (recall === undefined || count === undefined) continue;
    const { low, high } = wilsonInterval(recall * count, count);
    intervals[metric] = [low, high];
  }
  return intervals;
}

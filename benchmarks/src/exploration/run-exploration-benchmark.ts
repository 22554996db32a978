import { type CatalogItem, createInteractionDataset, createRecommender, type Interaction } from "@jewelguide/model";
import { aggregateSeeds } from "../rees46/aggregate-seeds";
import { buildSimulationWorld, type SimulationWorld, type WorldOptions } from "./build-simulation-world";
import { POSITION_BASED_CLICKS } from "./click-model";
import { explorationConfigFor, FEED, LOGGING_SHARE, OFF_POLICY_TARGETS } from "./exploration-plan";
import { exploreSomeFeeds } from "./explore-some-feeds";
import { exploringPolicy, type PriorScore } from "./exploring-policy";
import type { FeedPolicy } from "./feed-policy";
import { greedyPolicy } from "./greedy-policy";
import { type DayMetrics, type SimulationRun, simulateDays } from "./simulate-days";
import { createOffPolicyValidator, type TargetValidation } from "./validate-off-policy";

/**
 * The models a simulation can serve, with their library defaults. item-kNN (the default): deterministic, fitted in
 * seconds, and — like every model that knows items only through their buyers — blind to an item nobody bought, which
 * is the situation exploration is for. attribute-kNN: the cheap content model, which ranks an unsold item by its
 * attributes, to see what exploration adds when the model can already reach new items. joint: the shop's default
 * model (ids and content together; an unsold item is scored from its content), fitted once per seed in-process with
 * the catalog's attributes (the photo and text features are not in the benchmark database).
 */
export const SIMULATION_MODELS = {
  itemknn: { kind: "itemknn", config: {} },
  "attribute-knn": { kind: "attribute-knn", config: {} },
  joint: { kind: "joint", config: {} },
} as const;
export type SimulationModelName = keyof typeof SIMULATION_MODELS;

export type ExplorationBenchmarkOptions = Omit<WorldOptions, "seed"> & {
  model: SimulationModelName;
  seeds: readonly number[];
  shares: readonly number[];
  /** The off-policy validation uses the logging run's decisions of the last this-many days. */
  validationDays: number;
  /**
   * The share of feeds (visits) that explore, in (0, 1]; the others are served greedily (exploreSomeFeeds). 1, the
   * shop's behaviour: every feed explores.
   */
  feedShare: number;
};

export type PolicySummary = {
  share: number;
  slots: readonly number[];
  /** Per day: the mean and sample std over seeds of each DayMetrics field. */
  perDay: Array<{ mean: Record<string, number>; std: Record<string, number> }>;
  /** The last day's totals and the new-item and cost figures: mean, std and each seed. */
  final: ReturnType<typeof aggregateSeeds>;
  /** New items' first simulated sales pooled over the seeds: how many, and their mean day (1-based; null if none). */
  firstSales: FirstEvents;
  /** New items' first simulated clicks pooled over the seeds, the same way. */
  firstClicks: FirstEvents;
};

/** New items' first events of one kind pooled over the seeds: how many items, and their mean day (1-based). */
type FirstEvents = { items: number; meanDay: number | null };

/**
 * The figures compared seed by seed with greedy's run on the same seed (same shoppers, same click draws): each
 * exploring run reports `<name>_minus_greedy`, so their mean ± std over seeds is a paired comparison.
 */
const PAIRED_METRICS = ["purchases", "clicks", "new_items_sold", "new_items_clicked", "new_item_impressions"] as const;

export type ExplorationBenchmarkResult = {
  world: Record<string, number>;
  policies: Record<string, PolicySummary>;
  offPolicy: Array<{ seed: number; loggingPolicy: string; decisions: number; targets: TargetValidation[] }>;
  seconds: number;
};

/**
 * For each seed: builds the world (time cut, held-out items and shopper sample depend on the seed), fits the model on
 * the period before the simulation, runs every exploration share over the same shoppers, and validates the
 * off-policy estimators on the logging share's run. Summaries are the mean ± std over seeds.
 */
export async function runExplorationBenchmark(
  catalog: readonly CatalogItem[],
  purchases: readonly Interaction[],
  options: ExplorationBenchmarkOptions,
  log: (text: string) => void,
): Promise<ExplorationBenchmarkResult> {
  const started = performance.now();
  const runs = new Map<number, Array<{ seed: number; run: SimulationRun; world: SimulationWorld }>>();
  const offPolicy: ExplorationBenchmarkResult["offPolicy"] = [];
  const worlds: SimulationWorld[] = [];
  for (const seed of options.seeds) {
    const world = buildSimulationWorld(catalog, purchases, { ...options, seed });
    worlds.push(world);
    const dataset = createInteractionDataset({ interactions: world.training, catalog: world.catalog });
    const served = SIMULATION_MODELS[options.model];
    const model = createRecommender(served.kind, served.config);
    await model.fit(dataset, { seed });
    const popularity = createRecommender("popularity", {});
    await popularity.fit(dataset, { seed });
    const popularityScores = popularity.scoreUser({ recentItemIds: [] });
    const popularityPrior: PriorScore = (_context, candidate) => popularityScores[candidate.item.product.id] ?? 0;
    log(
      `seed ${seed}: ${world.shoppers.length} shoppers over ${world.days} days, ${world.newItemIds.size} new items ` +
        `(${world.heldOutItemIds.size} held out), ${world.unsoldItemIds.size} never-sold products, ${served.kind} fitted on ${world.training.length} purchases`,
    );
    for (const share of options.shares) {
      const policy = policyFor(share, options.feedShare, seed);
      const isLogging = share === LOGGING_SHARE;
      const validator = isLogging
        ? createOffPolicyValidator(
            OFF_POLICY_TARGETS.map((target) => {
              const config = { ...explorationConfigFor(LOGGING_SHARE), ...target.change };
              const priorScore = target.popularityPrior ? popularityPrior : undefined;
              return { name: target.name, config, priorScore };
            }),
          )
        : undefined;
      const runStarted = performance.now();
      const run = simulateDays({
        world,
        model,
        policy,
        clickModel: POSITION_BASED_CLICKS,
        seed,
        ...FEED,
        observe:
          validator === undefined
            ? undefined
            : (visit) => {
                if (visit.context.day >= world.days - options.validationDays) validator.observe(visit);
              },
      });
      const last = run.days[run.days.length - 1] as DayMetrics;
      log(
        `seed ${seed} ${policy.name}: ${last.cumulativePurchases} purchases, ${last.cumulativeClicks} clicks, coverage ` +
          `${last.coverage.toFixed(4)}, new items sold ${run.firstPurchaseDay.size}, clicked ${run.firstClickDay.size} ` +
          `(${((performance.now() - runStarted) / 1000).toFixed(0)} s)`,
      );
      runs.set(share, [...(runs.get(share) ?? []), { seed, run, world }]);
      if (validator !== undefined) {
        const targets = validator.results();
        if (targets.length === 0) log(`seed ${seed}: too few exploratory decisions to validate the estimators`);
        offPolicy.push({
          seed,
          loggingPolicy: policy.name,
          decisions: targets[0]?.offPolicy.decisions ?? 0,
          targets,
        });
        for (const target of targets) {
          log(
            `seed ${seed} off-policy ${target.name}: truth ${target.truth.estimate.toFixed(4)}, IPS ` +
              `${formatInterval(target.offPolicy.inversePropensity)}, SNIPS ${formatInterval(target.offPolicy.selfNormalised)}, ` +
              `DR ${formatInterval(target.offPolicy.doublyRobust)}`,
          );
        }
      }
    }
  }
  const greedyMetrics = new Map(
    (runs.get(0) ?? []).map(({ seed, run, world }) => [seed, finalMetrics(run, world, undefined)]),
  );
  const policies: Record<string, PolicySummary> = {};
  for (const share of options.shares) {
    const shareRuns = runs.get(share) ?? [];
    const days = shareRuns[0]?.run.days.length ?? 0;
    const perDay = Array.from({ length: days }, (_, day) => {
      const { mean, std } = aggregateSeeds(
        shareRuns.map(({ seed, run }) => ({ seed, metrics: { ...(run.days[day] as DayMetrics) } })),
      );
      return { mean, std };
    });
    policies[policyFor(share, options.feedShare, 0).name] = {
      share,
      slots: explorationConfigFor(share).slots,
      perDay,
      final: aggregateSeeds(
        shareRuns.map(({ seed, run, world }) => ({
          seed,
          metrics: finalMetrics(run, world, share === 0 ? undefined : greedyMetrics.get(seed)),
        })),
      ),
      firstSales: poolFirstDays(shareRuns.map(({ run }) => run.firstPurchaseDay)),
      firstClicks: poolFirstDays(shareRuns.map(({ run }) => run.firstClickDay)),
    };
  }
  return {
    world: describeWorlds(worlds),
    policies,
    offPolicy,
    seconds: (performance.now() - started) / 1000,
  };
}

function policyFor(share: number, feedShare: number, seed: number): FeedPolicy {
  const config = explorationConfigFor(share);
  const greedy = greedyPolicy("greedy", FEED.k, FEED);
  if (config.slots.length === 0) return greedy;
  const exploring = exploringPolicy(`explore ${share}/12`, FEED.k, FEED, config);
  if (feedShare === 1) return exploring;
  const name = `explore ${share}/12 in ${Math.round(feedShare * 100)} % of feeds`;
  return exploreSomeFeeds(name, exploring, greedy, feedShare, seed);
}

/**
 * The run's totals on its last day, new-item discovery (first sales, first clicks, impressions) and its speed, and —
 * given greedy's figures on the same seed — the relative purchases and the paired differences (PAIRED_METRICS).
 */
function finalMetrics(
  run: SimulationRun,
  world: SimulationWorld,
  greedy: Readonly<Record<string, number>> | undefined,
): Record<string, number> {
  const last = run.days[run.days.length - 1] as DayMetrics;
  const meanDay = (days: ReadonlyMap<string, number>) =>
    [...days.values()].reduce((sum, day) => sum + day + 1, 0) / days.size;
  const metrics: Record<string, number> = {
    purchases: last.cumulativePurchases,
    clicks: last.cumulativeClicks,
    coverage: last.coverage,
    new_items_sold_share: last.newItemsDiscovered,
    new_items_sold: run.firstPurchaseDay.size,
    new_items_clicked_share: last.newItemsClicked,
    new_items_clicked: run.firstClickDay.size,
    new_item_impressions: run.days.reduce((sum, day) => sum + day.newItemImpressions, 0),
    unsold_item_impressions: run.days.reduce((sum, day) => sum + day.unsoldItemImpressions, 0),
    new_items: world.newItemIds.size,
    // Days from the start of the simulation (the new items' arrival) to their first purchase / click, 1-based; only
    // for a run that had one (the summary pools them: PolicySummary.firstSales, firstClicks).
    ...(run.firstPurchaseDay.size === 0 ? {} : { days_to_first_purchase: meanDay(run.firstPurchaseDay) }),
    ...(run.firstClickDay.size === 0 ? {} : { days_to_first_click: meanDay(run.firstClickDay) }),
    exploratory_impressions: run.days.reduce((sum, day) => sum + day.exploratoryImpressions, 0),
    exploratory_clicks: run.days.reduce((sum, day) => sum + day.exploratoryClicks, 0),
  };
  if (greedy === undefined) return metrics;
  const greedyPurchases = greedy.purchases ?? 0;
  if (greedyPurchases > 0) metrics.purchases_vs_greedy = last.cumulativePurchases / greedyPurchases - 1;
  for (const name of PAIRED_METRICS) metrics[`${name}_minus_greedy`] = (metrics[name] ?? 0) - (greedy[name] ?? 0);
  return metrics;
}

function poolFirstDays(runs: ReadonlyArray<ReadonlyMap<string, number>>): FirstEvents {
  const days = runs.flatMap((firstDays) => [...firstDays.values()].map((day) => day + 1));
  return {
    items: days.length,
    meanDay: days.length === 0 ? null : days.reduce((sum, day) => sum + day, 0) / days.length,
  };
}

function describeWorlds(worlds: readonly SimulationWorld[]): Record<string, number> {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  return {
    shoppers: mean(worlds.map((world) => world.shoppers.length)),
    days: worlds[0]?.days ?? 0,
    new_items: mean(worlds.map((world) => world.newItemIds.size)),
    held_out_items: mean(worlds.map((world) => world.heldOutItemIds.size)),
    unsold_items: mean(worlds.map((world) => world.unsoldItemIds.size)),
    training_purchases: mean(worlds.map((world) => world.training.length)),
    real_purchases_in_period: mean(
      worlds.map((world) => world.shoppers.reduce((sum, shopper) => sum + shopper.targets.length, 0)),
    ),
    catalog_items: worlds[0]?.catalog.length ?? 0,
  };
}

function formatInterval(interval: { estimate: number; lower: number; upper: number }): string {
  return `${interval.estimate.toFixed(4)} [${interval.lower.toFixed(4)}, ${interval.upper.toFixed(4)}]`;
}

import type { Db } from "@jewelguide/db";

/**
 * How many stored events training learns from: not impressions (training skips them) and not simulated traffic
 * (`source = "simulation"`: the worker's simulate, which the server alone marks as such). `schedule --after-events`
 * counts these (those stored after the previous run, on the queue), so neither the simulator nor a flood of impressions triggers a retrain and publish.
 */
export function countTrainableEvents(db: Db, storedAfter?: Date): Promise<number> {
  return db.interaction.count({
    where: {
      type: { not: "impression" },
      source: { not: "simulation" },
      ...(storedAfter === undefined ? {} : { createdAt: { gt: storedAfter } }),
    },
  });
}

import {
  type createInteractionDataset,
  fitItemItemTerm,
  type ItemItemTerm,
  JointConfigSchema,
  JointRecommender,
  type Recommender,
} from "@jewelguide/model";

type Dataset = ReturnType<typeof createInteractionDataset>;

/**
 * The joint model's item–item term (EASE's B, sparsified) depends only on the training set and its own settings, not
 * on the seed: within one benchmark entry it is fitted once per (training set, settings) and given to every joint
 * fit that needs it, so three refit seeds pay for one m² inverse instead of three. The first fit's train_seconds
 * includes it; BENCHMARKS.md says so.
 */
export function createItemItemTermSharing(): (model: Recommender, dataset: Dataset) => Promise<void> {
  const fitted = new Map<Dataset, Map<string, Promise<ItemItemTerm>>>();
  return async (model, dataset) => {
    if (!(model instanceof JointRecommender)) return;
    const config = JointConfigSchema.parse(model.config);
    const key = JSON.stringify([
      config.itemItemWeight > 0,
      config.useIds,
      config.itemItemLambda,
      config.itemItemNeighbours,
      config.itemItemMaxItems,
    ]);
    const byKey = fitted.get(dataset) ?? new Map<string, Promise<ItemItemTerm>>();
    fitted.set(dataset, byKey);
    let term = byKey.get(key);
    if (term === undefined) {
      term = fitItemItemTerm(dataset, config);
      byKey.set(key, term);
    }
    model.withItemItemTerm(await term);
  };
}

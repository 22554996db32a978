import { z } from "zod";
import type { InteractionDataset } from "../data/interaction-dataset";
import type { FitOptions } from "../recommender";
import { type ModelArtifact } from "../serialization/model-artifact";
import type { FittedState, ModelState, UserProfile } from "./base-recommender";
import { defineModel } from "./define-model";
import { EaseConfigSchema, EaseRecommender } from "./ease";
import {
  buildUserHistories,
  emptyUserHistories,
  readStoredHistories,
  type UserHistories,
} from "./joint/user-histories";

export const EaseRecencyConfigSchema = EaseConfigSchema.extend({
  /**
   * Weight of a history item = decay^(its basket's rank, 0 for the latest purchase time); items bought at the same
   * time share it. 1 is plain EASE; 0 scores from the latest basket alone (default 0.3; tune on validation).
   */
  recencyDecay: z.number().min(0).max(1).default(0.3),
});
export type EaseRecencyConfig = z.infer<typeof EaseRecencyConfigSchema>;

/**
 * EASE (the same closed-form item-item matrix B as `ease`) scoring a recency-weighted history: x_u,i = decay^r(i),
 * r(i) the rank of the basket item i was bought in, newest first — what the joint model's user tower gets from its
 * recency weighting, given to the strongest linear baseline (issue 13). Fresh `recentItemIds` come first, one basket
 * each, in the order given.
 */
export class EaseRecencyRecommender extends EaseRecommender<EaseRecencyConfig> {
  override readonly kind: string = "ease-recency";
  #histories: UserHistories = emptyUserHistories();

  protected override async fitModel(
    dataset: InteractionDataset,
    state: FittedState,
    options: FitOptions,
  ): Promise<Record<string, never>> {
    const report = await super.fitModel(dataset, state, options);
    this.#histories = buildUserHistories(dataset);
    return report;
  }

  protected override scoreProfile(profile: UserProfile, userIndex: number | undefined, out: Float32Array): void {
    const { recencyDecay: decay, values } = this.config;
    const recent = profile.recent ?? new Int32Array(0);
    const items: number[] = [...recent];
    const weights: number[] = Array.from(recent, (_, rank) => decay ** rank);
    if (userIndex !== undefined) {
      const h = this.#histories;
      const seen = new Set(items);
      for (let p = h.indptr[userIndex] as number; p < (h.indptr[userIndex + 1] as number); p++) {
        const item = h.items[p] as number;
        if (seen.has(item)) continue;
        items.push(item);
        const eventWeight = values === "binary" ? 1 : (h.weights[p] as number);
        weights.push(eventWeight * decay ** (recent.length + (h.baskets[p] as number)));
      }
    } else if (recent.length === 0) {
      // Only an unordered profile is known: one basket.
      this.scoreItems(
        profile.indices,
        values === "binary" ? new Float32Array(profile.indices.length).fill(1) : profile.values,
        out,
      );
      return;
    }
    this.scoreItems(items, weights, out);
  }

  protected override exportModel(): ModelState {
    const model = super.exportModel();
    const h = this.#histories;
    return {
      meta: model.meta,
      arrays: {
        ...model.arrays,
        historyIndptr: h.indptr,
        historyItems: h.items,
        historyWeights: h.weights,
        historyBaskets: h.baskets,
      },
    };
  }

  protected override importModel(artifact: ModelArtifact, state: FittedState): void {
    super.importModel(artifact, state);
    const histories = readStoredHistories(artifact, "ease-recency", {
      users: state.users.size,
      items: state.items.size,
    });
    this.#histories = histories;
  }
}

export const easeRecencyModel = defineModel({
  kind: "ease-recency",
  description: "EASE scoring a recency-weighted history (items bought together share a weight).",
  configSchema: EaseRecencyConfigSchema,
  create: (config) => new EaseRecencyRecommender(config),
});

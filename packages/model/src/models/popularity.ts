import { z } from "zod";
import type { InteractionDataset } from "../data/interaction-dataset";
import { assertLength } from "../linalg/assert-shape";
import { type ModelArtifact, readArtifactArray } from "../serialization/model-artifact";
import type { FittedState, ModelState, UserProfile } from "./base-recommender";
import { BaseRecommender } from "./base-recommender";
import { defineModel } from "./define-model";

export const PopularityConfigSchema = z.object({
  /** What counts: distinct users per item ("users", default) or summed event weights ("weight"). */
  by: z.enum(["users", "weight"]).default("users"),
  /**
   * Exponential time decay: an interaction this many days older than the newest one counts half. null (default) = no
   * decay.
   */
  halfLifeDays: z.number().positive().nullable().default(null),
});
export type PopularityConfig = z.infer<typeof PopularityConfigSchema>;

const DAY_MS = 86_400_000;

/** Most popular items first, the same list for everyone (the baseline every model must beat). */
export class PopularityRecommender extends BaseRecommender<PopularityConfig> {
  readonly kind = "popularity";
  #scores: Float32Array = new Float32Array(0);

  protected async fitModel(dataset: InteractionDataset): Promise<Record<string, never>> {
    const { matrix, timestamps } = dataset;
    const { by, halfLifeDays } = this.config;
    let newest = Number.NEGATIVE_INFINITY;
    for (const t of timestamps) if (t > newest) newest = t;
    assertLength("popularity timestamps", timestamps, matrix.indices.length);
    const scores = new Float32Array(dataset.items.size);
    for (let p = 0; p < matrix.indices.length; p++) {
      const item = matrix.indices[p] as number;
      const base = by === "users" ? 1 : (matrix.data[p] as number);
      const age = newest - (timestamps[p] as number);
      const decay = halfLifeDays === null ? 1 : 0.5 ** (age / (halfLifeDays * DAY_MS));
      scores[item] = (scores[item] as number) + base * decay;
    }
    this.#scores = scores;
    return {};
  }

  protected scoreProfile(_profile: UserProfile, _userIndex: number | undefined, out: Float32Array): void {
    out.set(this.#scores);
  }

  protected override scoreFallback(out: Float32Array): void {
    out.set(this.#scores);
  }

  protected scoreSimilar(_itemIndex: number, out: Float32Array): void {
    out.set(this.#scores);
  }

  protected exportModel(): ModelState {
    return { meta: {}, arrays: { scores: this.#scores } };
  }

  protected importModel(artifact: ModelArtifact, state: FittedState): void {
    this.#scores = readArtifactArray(artifact, "scores", Float32Array);
    assertLength("popularity scores", this.#scores, state.items.size);
  }
}

export const popularityModel = defineModel({
  kind: "popularity",
  description: "Most popular items (optionally time-decayed), the same for everyone.",
  configSchema: PopularityConfigSchema,
  create: (config) => new PopularityRecommender(config),
});

import { z } from "zod";
import type { InteractionDataset } from "../data/interaction-dataset";
import { assertIndices, assertLength } from "../linalg/assert-shape";
import { invertSpdInPlace } from "../linalg/invert-spd";
import { multiplyTransposedJs } from "../linalg/multiply-transposed";
import { createTfjsMultiplyTransposed } from "../linalg/tfjs-multiply-transposed";
import type { FitOptions } from "../recommender";
import { type ModelArtifact, readArtifactArray } from "../serialization/model-artifact";
import { BaseRecommender, type FittedState, type ModelState, type UserProfile } from "./base-recommender";
import { defineModel } from "./define-model";

export const EaseConfigSchema = z.object({
  /** L2 regularisation λ added to the Gram diagonal (default 500; tune over e.g. 50–2000 for purchase data). */
  lambda: z.number().positive().default(500),
  /** Items with fewer distinct training users are left out of the model and score 0 (default 1). */
  minItemUsers: z.number().int().nonnegative().default(1),
  /** Matrix values: "binary" (default; λ is then in interaction counts) or the event "weighted" values. */
  values: z.enum(["binary", "weighted"]).default("binary"),
  /** Matrix products for the inverse: tfjs-wasm ("tfjs"), plain JS ("js"), or "auto" (tfjs from 512 items). */
  matrixBackend: z.enum(["auto", "tfjs", "js"]).default("auto"),
});
export type EaseConfig = z.infer<typeof EaseConfigSchema>;

/**
 * EASE (Steck 2019): a dense item-item weight matrix with zero diagonal in closed form,
 * P = (XᵀX + λI)⁻¹, B = I − P·diagMat(1/diag(P)), i.e. B_ij = −P_ij / P_jj (i ≠ j). Scores are x_u · B.
 * Memory is m² floats for m modelled items (≈ 370 MB at 9,600 items).
 */
export class EaseRecommender<Config extends EaseConfig = EaseConfig> extends BaseRecommender<Config> {
  readonly kind: string = "ease";
  /** Item index of each modelled item. */
  #modelItems: Int32Array = new Int32Array(0);
  /** Position of each item among the modelled items, −1 when not modelled. */
  #positionOf: Int32Array = new Int32Array(0);
  /** m×m row-major B. */
  #weights: Float32Array = new Float32Array(0);

  protected async fitModel(
    dataset: InteractionDataset,
    state: FittedState,
    options: FitOptions,
  ): Promise<Record<string, never>> {
    const { modelItems, weights } = await fitEaseWeights(dataset, state.popularity, this.config, options.onProgress);
    this.setModelItems(modelItems, state.items.size);
    this.#weights = weights;
    return {};
  }

  protected scoreProfile(profile: UserProfile, _userIndex: number | undefined, out: Float32Array): void {
    const values = this.config.values === "binary" ? new Float32Array(profile.indices.length).fill(1) : profile.values;
    this.scoreItems(profile.indices, values, out);
  }

  /**
   * Fills `out` with Σ_k x_k · B[item_k] over the profile items the model covers (popularity when it covers none).
   * Item indices come from the model's own id map, so they are inside `#positionOf`.
   */
  protected scoreItems(indices: ArrayLike<number>, values: ArrayLike<number>, out: Float32Array): void {
    assertLength("EASE profile values", values, indices.length);
    const m = this.#modelItems.length;
    const modelScores = new Float32Array(m);
    let any = false;
    for (let k = 0; k < indices.length; k++) {
      const position = this.#positionOf[indices[k] as number] as number;
      if (position < 0) continue;
      any = true;
      const x = values[k] as number;
      const row = this.#weights.subarray(position * m, position * m + m);
      for (let j = 0; j < m; j++) modelScores[j] = (modelScores[j] as number) + x * (row[j] as number);
    }
    if (!any) {
      this.scoreFallback(out);
      return;
    }
    for (let j = 0; j < m; j++) out[this.#modelItems[j] as number] = modelScores[j] as number;
  }

  protected scoreSimilar(itemIndex: number, out: Float32Array): void {
    const m = this.#modelItems.length;
    const position = this.#positionOf[itemIndex] as number;
    if (position < 0) return;
    for (let j = 0; j < m; j++) out[this.#modelItems[j] as number] = this.#weights[position * m + j] as number;
  }

  protected exportModel(): ModelState {
    return { meta: {}, arrays: { modelItems: this.#modelItems, weights: this.#weights } };
  }

  protected importModel(artifact: ModelArtifact, state: FittedState): void {
    const modelItems = readArtifactArray(artifact, "modelItems", Int32Array);
    assertIndices("EASE modelItems", modelItems, state.items.size);
    this.setModelItems(modelItems, state.items.size);
    this.#weights = readArtifactArray(artifact, "weights", Float32Array);
    assertLength("EASE weights", this.#weights, modelItems.length * modelItems.length);
  }

  private setModelItems(modelItems: Int32Array, itemCount: number): void {
    this.#modelItems = modelItems;
    this.#positionOf = new Int32Array(itemCount).fill(-1);
    modelItems.forEach((item, position) => {
      this.#positionOf[item] = position;
    });
  }
}

/** EASE's closed form over the items with at least `minItemUsers` training users: the modelled items and m×m B. */
export async function fitEaseWeights(
  dataset: Pick<InteractionDataset, "matrix">,
  popularity: Float32Array,
  config: Pick<EaseConfig, "lambda" | "minItemUsers" | "values" | "matrixBackend">,
  onProgress?: FitOptions["onProgress"],
): Promise<{ modelItems: Int32Array; weights: Float32Array }> {
  const { lambda, minItemUsers, values } = config;
  const positions: number[] = [];
  popularity.forEach((users, item) => {
    if (users >= Math.max(1, minItemUsers)) positions.push(item);
  });
  const modelItems = Int32Array.from(positions);
  const positionOf = new Int32Array(popularity.length).fill(-1);
  modelItems.forEach((item, position) => {
    positionOf[item] = position;
  });
  const m = modelItems.length;
  const gram = new Float32Array(m * m);
  const { indptr, indices, data } = dataset.matrix;
  assertLength("matrix indptr", indptr, dataset.matrix.rows + 1);
  assertLength("matrix data", data, indices.length);
  assertIndices("matrix indices", indices, popularity.length);
  const rowPositions: number[] = [];
  const rowValues: number[] = [];
  for (let u = 0; u < dataset.matrix.rows; u++) {
    rowPositions.length = 0;
    rowValues.length = 0;
    for (let p = indptr[u] as number; p < (indptr[u + 1] as number); p++) {
      const position = positionOf[indices[p] as number] as number;
      if (position < 0) continue;
      rowPositions.push(position);
      rowValues.push(values === "binary" ? 1 : (data[p] as number));
    }
    // Positions are ascending (CSR columns are sorted and modelItems is ascending): fill the lower triangle.
    for (let a = 0; a < rowPositions.length; a++) {
      const i = rowPositions[a] as number;
      const xi = rowValues[a] as number;
      for (let b = 0; b <= a; b++) {
        const offset = i * m + (rowPositions[b] as number);
        gram[offset] = (gram[offset] as number) + xi * (rowValues[b] as number);
      }
    }
  }
  for (let i = 0; i < m; i++) gram[i * m + i] = (gram[i * m + i] as number) + lambda;
  const useTfjs = config.matrixBackend === "tfjs" || (config.matrixBackend === "auto" && m >= 512);
  const multiply = useTfjs ? await createTfjsMultiplyTransposed() : multiplyTransposedJs;
  await invertSpdInPlace(gram, m, {
    multiply,
    blockSize: useTfjs ? 512 : 64,
    stripRows: 2048,
    onProgress: (fraction) => onProgress?.({ stage: "inverse", fraction }),
  });
  // B_ij = −P_ij / P_jj, zero diagonal.
  const inverseDiagonal = new Float32Array(m);
  for (let j = 0; j < m; j++) inverseDiagonal[j] = 1 / (gram[j * m + j] as number);
  for (let i = 0; i < m; i++) {
    const offset = i * m;
    for (let j = 0; j < m; j++) gram[offset + j] = -(gram[offset + j] as number) * (inverseDiagonal[j] as number);
    gram[offset + i] = 0;
  }
  return { modelItems, weights: gram };
}

export const easeModel = defineModel({
  kind: "ease",
  description: "EASE closed-form item-item linear model (Steck 2019).",
  configSchema: EaseConfigSchema,
  create: (config) => new EaseRecommender(config),
});

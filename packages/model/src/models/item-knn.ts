import { z } from "zod";
import { assertCsrShape, type CsrMatrix, transposeCsr } from "../data/csr-matrix";
import type { InteractionDataset } from "../data/interaction-dataset";
import { selectTopK } from "../ranking/select-top-k";
import type { FitOptions } from "../recommender";
import { type ModelArtifact, readArtifactArray } from "../serialization/model-artifact";
import { BaseRecommender, type FittedState, type ModelState, type UserProfile } from "./base-recommender";
import { defineModel } from "./define-model";

export const ItemKnnConfigSchema = z.object({
  /** Neighbours kept per item (default 100). */
  neighbours: z.number().int().positive().default(100),
  /** Shrinkage added to the cosine denominator; damps similarities backed by few co-occurrences (default 10). */
  shrink: z.number().nonnegative().default(10),
  /** Use the event weights ("weighted", default) or 1 per interaction ("binary") in the user-item matrix. */
  values: z.enum(["weighted", "binary"]).default("weighted"),
});
export type ItemKnnConfig = z.infer<typeof ItemKnnConfigSchema>;

/**
 * Item-based collaborative filtering: cosine similarity between item columns of the user-item matrix,
 * sim(i, j) = x_i·x_j / (‖x_i‖‖x_j‖ + shrink), top-N neighbours kept per item. A user's score for item j is the sum,
 * over the items i in their history, of the user's weight on i times sim(i, j).
 */
export class ItemKnnRecommender extends BaseRecommender<ItemKnnConfig> {
  readonly kind = "itemknn";
  /** items × items, the top-N neighbours of each item. */
  #neighbours: CsrMatrix = {
    rows: 0,
    cols: 0,
    indptr: new Int32Array(1),
    indices: new Int32Array(0),
    data: new Float32Array(0),
  };

  protected async fitModel(
    dataset: InteractionDataset,
    _state: FittedState,
    options: FitOptions,
  ): Promise<Record<string, never>> {
    const userItems = this.config.values === "binary" ? binarize(dataset.matrix) : dataset.matrix;
    // transposeCsr checks the user-item matrix's shape, and its transpose is consistent by construction.
    const itemUsers = transposeCsr(userItems);
    const n = itemUsers.rows;
    const norms = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      const end = itemUsers.indptr[i + 1] as number;
      for (let p = itemUsers.indptr[i] as number; p < end; p++) sum += (itemUsers.data[p] as number) ** 2;
      norms[i] = Math.sqrt(sum);
    }
    const dots = new Float64Array(n);
    const touched = new Int32Array(n);
    const candidate = new Float32Array(n);
    const indptr = new Int32Array(n + 1);
    const indices: number[] = [];
    const data: number[] = [];
    const { neighbours, shrink } = this.config;
    for (let i = 0; i < n; i++) {
      let touchedCount = 0;
      const end = itemUsers.indptr[i + 1] as number;
      for (let p = itemUsers.indptr[i] as number; p < end; p++) {
        const user = itemUsers.indices[p] as number;
        const xi = itemUsers.data[p] as number;
        const userEnd = userItems.indptr[user + 1] as number;
        for (let q = userItems.indptr[user] as number; q < userEnd; q++) {
          const j = userItems.indices[q] as number;
          if (j === i) continue;
          if (dots[j] === 0) touched[touchedCount++] = j;
          dots[j] = (dots[j] as number) + xi * (userItems.data[q] as number);
        }
      }
      const ni = norms[i] as number;
      const list = touched.subarray(0, touchedCount);
      for (const j of list) candidate[j] = (dots[j] as number) / (ni * (norms[j] as number) + shrink);
      const kept = selectNeighbours(list, candidate, neighbours);
      for (const j of kept) {
        indices.push(j);
        data.push(candidate[j] as number);
      }
      indptr[i + 1] = indices.length;
      for (const j of list) {
        dots[j] = 0;
        candidate[j] = 0;
      }
      if (i % 1000 === 0) options.onProgress?.({ stage: "similarities", fraction: i / n });
    }
    this.#neighbours = { rows: n, cols: n, indptr, indices: Int32Array.from(indices), data: Float32Array.from(data) };
    return {};
  }

  protected scoreProfile(profile: UserProfile, _userIndex: number | undefined, out: Float32Array): void {
    const { indptr, indices, data } = this.#neighbours;
    const binary = this.config.values === "binary";
    // Profile items come from the id map and the neighbour matrix's shape was checked when it was built or loaded.
    for (let k = 0; k < profile.indices.length; k++) {
      const i = profile.indices[k] as number;
      const weight = binary ? 1 : (profile.values[k] as number);
      const end = indptr[i + 1] as number;
      for (let p = indptr[i] as number; p < end; p++) {
        const j = indices[p] as number;
        out[j] = (out[j] as number) + weight * (data[p] as number);
      }
    }
  }

  protected scoreSimilar(itemIndex: number, out: Float32Array): void {
    const { indptr, indices, data } = this.#neighbours;
    const end = indptr[itemIndex + 1] as number;
    for (let p = indptr[itemIndex] as number; p < end; p++) out[indices[p] as number] = data[p] as number;
  }

  protected exportModel(): ModelState {
    return {
      meta: {},
      arrays: {
        neighbourIndptr: this.#neighbours.indptr,
        neighbourIndices: this.#neighbours.indices,
        neighbourData: this.#neighbours.data,
      },
    };
  }

  protected importModel(artifact: ModelArtifact, state: FittedState): void {
    const n = state.items.size;
    this.#neighbours = {
      rows: n,
      cols: n,
      indptr: readArtifactArray(artifact, "neighbourIndptr", Int32Array),
      indices: readArtifactArray(artifact, "neighbourIndices", Int32Array),
      data: readArtifactArray(artifact, "neighbourData", Float32Array),
    };
    assertCsrShape("item-knn neighbours", this.#neighbours);
  }
}

/** The `count` candidates with the highest similarity (ties: lower index), best first. */
function selectNeighbours(candidates: Int32Array, similarity: Float32Array, count: number): number[] {
  const order = Array.from(candidates)
    .filter((j) => (similarity[j] as number) > 0)
    .sort((a, b) => a - b);
  if (order.length <= count) {
    return order.sort((a, b) => (similarity[b] as number) - (similarity[a] as number) || a - b);
  }
  const scores = Float32Array.from(order, (j) => similarity[j] as number);
  return Array.from(selectTopK(scores, count), (position) => order[position] as number);
}

function binarize(matrix: CsrMatrix): CsrMatrix {
  return { ...matrix, data: new Float32Array(matrix.data.length).fill(1) };
}

export const itemKnnModel = defineModel({
  kind: "itemknn",
  description: "Item-item cosine neighbours with shrinkage.",
  configSchema: ItemKnnConfigSchema,
  create: (config) => new ItemKnnRecommender(config),
});

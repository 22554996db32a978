import { z } from "zod";
import { buildCsrMatrix, type CsrEntry, type CsrMatrix, getCsrRow, transposeCsr } from "../data/csr-matrix";
import type { InteractionDataset } from "../data/interaction-dataset";
import type { FitOptions } from "../recommender";
import { type ModelArtifact, readArtifactArray } from "../serialization/model-artifact";
import { BaseRecommender, type FittedState, type ModelState, type UserProfile } from "./base-recommender";
import { defineModel } from "./define-model";
import { describeItemContent } from "./joint/item-content";
import {
  buildUserHistories,
  emptyUserHistories,
  readStoredHistories,
  type UserHistories,
} from "./joint/user-histories";

export const AttributeKnnConfigSchema = z.object({
  /**
   * Weight of a history item = decay^(its basket's rank, 0 for the latest purchase time), items bought together
   * sharing it; 1 weighs the whole history equally (default 0.3; tune on validation).
   */
  recencyDecay: z.number().min(0).max(1).default(0.3),
  /** Weigh each attribute token by its inverse document frequency over the catalog (default true), else 1. */
  idf: z.boolean().default(true),
});
export type AttributeKnnConfig = z.infer<typeof AttributeKnnConfigSchema>;

/**
 * The content-only baseline (issue 13 item 6): every catalog item is the L2-normalised vector of its attribute tokens
 * (the joint item tower's own sparse content: category, metal, gem, colour, gender, price band, brand, their crosses,
 * extra attributes), IDF-weighted; a shopper's score for item j is Σ_h w_h · cos(h, j) over their history h with
 * recency weights. It never reads who bought what beyond the shopper's own history, so an item nobody has bought
 * scores exactly like one everybody has — the yardstick for the joint model's item cold start.
 */
export class AttributeKnnRecommender extends BaseRecommender<AttributeKnnConfig> {
  readonly kind = "attribute-knn";
  /** items × tokens, each row L2-normalised (empty for an item without catalog content). */
  #itemTokens: CsrMatrix = emptyCsr();
  /** tokens × items, the transpose, for scoring every item at once. */
  #tokenItems: CsrMatrix = emptyCsr();
  #histories: UserHistories = emptyUserHistories();

  override get scoresUnseenItems(): boolean {
    return true;
  }

  protected async fitModel(
    dataset: InteractionDataset,
    state: FittedState,
    _options: FitOptions,
  ): Promise<Record<string, never>> {
    const tokenIds = new Map<string, number>();
    const itemTokenIds: number[][] = [];
    for (let item = 0; item < state.items.size; item++) {
      const { tokens } = describeItemContent(dataset.catalog[item]);
      itemTokenIds.push(
        [...new Set(tokens)].map((token) => {
          const known = tokenIds.get(token);
          if (known !== undefined) return known;
          tokenIds.set(token, tokenIds.size);
          return tokenIds.size - 1;
        }),
      );
    }
    const documentFrequency = new Float64Array(tokenIds.size);
    for (const ids of itemTokenIds) for (const id of ids) documentFrequency[id] = (documentFrequency[id] as number) + 1;
    const described = itemTokenIds.filter((ids) => ids.length > 0).length;
    const entries: CsrEntry[] = [];
    itemTokenIds.forEach((ids, item) => {
      const weights = ids.map((id) =>
        this.config.idf ? Math.log((1 + described) / (1 + (documentFrequency[id] as number))) + 1 : 1,
      );
      const norm = Math.hypot(...weights);
      ids.forEach((id, k) => {
        entries.push({ row: item, col: id, value: (weights[k] as number) / norm });
      });
    });
    this.setItemTokens(buildCsrMatrix(state.items.size, tokenIds.size, entries));
    this.#histories = buildUserHistories(dataset);
    return {};
  }

  protected scoreProfile(profile: UserProfile, userIndex: number | undefined, out: Float32Array): void {
    const decay = this.config.recencyDecay;
    const recent = profile.recent ?? new Int32Array(0);
    const weighted = new Map<number, number>();
    recent.forEach((item, rank) => {
      weighted.set(item, decay ** rank);
    });
    if (userIndex !== undefined) {
      const h = this.#histories;
      for (let p = h.indptr[userIndex] as number; p < (h.indptr[userIndex + 1] as number); p++) {
        const item = h.items[p] as number;
        if (!weighted.has(item)) weighted.set(item, decay ** (recent.length + (h.baskets[p] as number)));
      }
    } else if (recent.length === 0) {
      // Only an unordered profile is known: one basket.
      for (const item of profile.indices) weighted.set(item, 1);
    }
    const userTokens = new Map<number, number>();
    for (const [item, weight] of weighted) {
      const row = getCsrRow(this.#itemTokens, item);
      row.indices.forEach((token, k) => {
        userTokens.set(token, (userTokens.get(token) ?? 0) + weight * (row.values[k] as number));
      });
    }
    this.scoreTokens(userTokens, out);
  }

  protected scoreSimilar(itemIndex: number, out: Float32Array): void {
    const row = getCsrRow(this.#itemTokens, itemIndex);
    this.scoreTokens(new Map(Array.from(row.indices, (token, k) => [token, row.values[k] as number])), out);
  }

  /** out[j] = Σ_t u_t · v_j,t over the tokens the query vector u carries. */
  private scoreTokens(query: ReadonlyMap<number, number>, out: Float32Array): void {
    for (const [token, weight] of query) {
      const column = getCsrRow(this.#tokenItems, token);
      column.indices.forEach((item, k) => {
        out[item] = (out[item] as number) + weight * (column.values[k] as number);
      });
    }
  }

  protected exportModel(): ModelState {
    const h = this.#histories;
    return {
      meta: { tokens: this.#itemTokens.cols },
      arrays: {
        itemTokensIndptr: this.#itemTokens.indptr,
        itemTokensIndices: this.#itemTokens.indices,
        itemTokensData: this.#itemTokens.data,
        historyIndptr: h.indptr,
        historyItems: h.items,
        historyWeights: h.weights,
        historyBaskets: h.baskets,
      },
    };
  }

  protected importModel(artifact: ModelArtifact, state: FittedState): void {
    const tokens = artifact.meta.tokens;
    if (typeof tokens !== "number" || !Number.isInteger(tokens) || tokens < 0) {
      throw new Error("attribute-knn artifact lacks its token count.");
    }
    // transposeCsr checks the stored matrix's shape.
    this.setItemTokens({
      rows: state.items.size,
      cols: tokens,
      indptr: readArtifactArray(artifact, "itemTokensIndptr", Int32Array),
      indices: readArtifactArray(artifact, "itemTokensIndices", Int32Array),
      data: readArtifactArray(artifact, "itemTokensData", Float32Array),
    });
    const histories = readStoredHistories(artifact, "attribute-knn", {
      users: state.users.size,
      items: state.items.size,
    });
    this.#histories = histories;
  }

  private setItemTokens(itemTokens: CsrMatrix): void {
    this.#tokenItems = transposeCsr(itemTokens);
    this.#itemTokens = itemTokens;
  }
}

function emptyCsr(): CsrMatrix {
  return { rows: 0, cols: 0, indptr: new Int32Array(1), indices: new Int32Array(0), data: new Float32Array(0) };
}

export const attributeKnnModel = defineModel({
  kind: "attribute-knn",
  description: "Content-only baseline: cosine of attribute-token vectors to the recency-weighted history.",
  configSchema: AttributeKnnConfigSchema,
  create: (config) => new AttributeKnnRecommender(config),
});

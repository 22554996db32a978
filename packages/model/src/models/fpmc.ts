import { z } from "zod";
import type { CsrMatrix } from "../data/csr-matrix";
import type { InteractionDataset } from "../data/interaction-dataset";
import { assertLength } from "../linalg/assert-shape";
import { createRng, type Rng } from "../random/create-rng";
import type { FitOptions, FitReport } from "../recommender";
import { type ModelArtifact, readArtifactArray } from "../serialization/model-artifact";
import { runEpochs } from "../training/run-epochs";
import { stepCoordinate } from "./adagrad-step";
import { BaseRecommender, type FittedState, type ModelState, type UserProfile } from "./base-recommender";
import { defineModel } from "./define-model";
import {
  buildUserHistories,
  emptyUserHistories,
  exampleHistoryEntries,
  historyWeights,
  readStoredHistories,
  type UserHistories,
} from "./joint/user-histories";
import { sampleNegative } from "./sample-negative";

export const FpmcConfigSchema = z.object({
  /** Latent dimensions of each of the four tables (default 64). */
  factors: z.number().int().positive().default(64),
  /** Adagrad step size (default 0.05). */
  learningRate: z.number().positive().default(0.05),
  /** L2 penalty on the rows touched by each sample (default 0.01). */
  regularization: z.number().nonnegative().default(0.01),
  /** Maximum epochs (default 30); early stopping may end sooner when a validation callback is given. */
  epochs: z.number().int().positive().default(30),
  /** Validations without improvement before stopping (default 3). */
  patience: z.number().int().positive().default(3),
  /** Samples per epoch; null (default) = one per training example (one per stored interaction). */
  samplesPerEpoch: z.number().int().positive().nullable().default(null),
  /**
   * Weight of an earlier basket in the transition context, per basket back: 0 (default) is FPMC's "previous basket"
   * only; larger values mix older baskets in, decay^rank, items of one basket sharing a weight.
   */
  recencyDecay: z.number().min(0).max(1).default(0),
  /** History items the context reads at most (most recent first, default 20). */
  maxHistory: z.number().int().positive().default(20),
  /** A target's own basket in its context: its partners (default, as the joint model) or only older baskets. */
  basketContext: z.enum(["partners", "none"]).default("partners"),
  /** Standard deviation of the initial factors (default 0.01). */
  initScale: z.number().positive().default(0.01),
});
export type FpmcConfig = z.infer<typeof FpmcConfigSchema>;

/**
 * Training examples: each stored interaction is a target; its context is the user's history strictly before the
 * target's basket (never an item bought at the same time), as weights over item indices. CSR by example.
 */
type TransitionExamples = {
  users: Int32Array;
  targets: Int32Array;
  contextIndptr: Int32Array;
  contextItems: Int32Array;
  contextWeights: Float32Array;
};

type Tables = {
  user: Float32Array;
  item: Float32Array;
  next: Float32Array;
  previous: Float32Array;
  bias: Float32Array;
};

/**
 * Factorising Personalised Markov Chains (Rendle, Freudenthaler & Schmidt-Thieme 2010), basket-aware like the joint
 * model: x(u, i | c) = b_i + p_u·q_i + Σ_l α_l · n_i·m_l, a matrix-factorisation term (p user, q item) plus a factorised
 * first-order transition from the previous basket's items l (m: item as context, n: item as next), trained with the
 * BPR pairwise loss and sparse Adagrad. α are recency weights over baskets (decay 0: the last basket alone, items of
 * a basket equal). A shopper unknown at fit time gets p = the mean q of their items; their recent items are the
 * context.
 */
export class FpmcRecommender extends BaseRecommender<FpmcConfig> {
  readonly kind = "fpmc";
  #tables: Tables = emptyTables();
  #histories: UserHistories = emptyUserHistories();

  protected async fitModel(
    dataset: InteractionDataset,
    state: FittedState,
    options: FitOptions,
  ): Promise<Omit<FitReport, "seconds">> {
    const { factors: d, initScale } = this.config;
    const rng = createRng(options.seed ?? 42);
    const users = state.users.size;
    const items = state.items.size;
    const init = (rows: number) => Float32Array.from({ length: rows * d }, () => rng.nextNormal() * initScale);
    this.#tables = {
      user: init(users),
      item: init(items),
      next: init(items),
      previous: init(items),
      bias: new Float32Array(items),
    };
    this.#histories = buildUserHistories(dataset);
    const matrix = dataset.matrix;
    const examples = buildTransitionExamples(this.#histories, this.config);
    if (examples.targets.length === 0 || items < 2) return { epochs: 0 };
    const accumulators = {
      user: new Float32Array(users * d),
      item: new Float32Array(items * d),
      next: new Float32Array(items * d),
      previous: new Float32Array(items * d),
      bias: new Float32Array(items),
    };
    const samples = this.config.samplesPerEpoch ?? examples.targets.length;
    const { validate } = options;
    return runEpochs({
      epochs: this.config.epochs,
      patience: this.config.patience,
      runEpoch: () => this.runEpoch(matrix, examples, samples, rng, accumulators),
      validate: validate === undefined ? undefined : () => validate(this),
      snapshot: () => copyTables(this.#tables),
      restore: (snapshot) => {
        this.#tables = snapshot;
      },
      onProgress: options.onProgress,
    });
  }

  /** One epoch of sampled (example, negative) BPR updates; returns the mean loss. */
  private runEpoch(matrix: CsrMatrix, examples: TransitionExamples, samples: number, rng: Rng, acc: Tables): number {
    const { factors: d, learningRate: lr, regularization: reg } = this.config;
    const { user: P, item: Q, next: N, previous: M, bias } = this.#tables;
    const context = new Float32Array(d);
    const nextDiff = new Float32Array(d);
    let totalLoss = 0;
    for (let s = 0; s < samples; s++) {
      const e = rng.nextInt(examples.targets.length);
      const u = examples.users[e] as number;
      const i = examples.targets[e] as number;
      const j = sampleNegative(matrix, u, rng);
      if (j < 0) continue;
      const from = examples.contextIndptr[e] as number;
      const to = examples.contextIndptr[e + 1] as number;
      context.fill(0);
      for (let c = from; c < to; c++) {
        const offset = (examples.contextItems[c] as number) * d;
        const a = examples.contextWeights[c] as number;
        for (let f = 0; f < d; f++) context[f] = (context[f] as number) + a * (M[offset + f] as number);
      }
      const uo = u * d;
      const io = i * d;
      const jo = j * d;
      let x = (bias[i] as number) - (bias[j] as number);
      for (let f = 0; f < d; f++) {
        x += (P[uo + f] as number) * ((Q[io + f] as number) - (Q[jo + f] as number));
        x += (context[f] as number) * ((N[io + f] as number) - (N[jo + f] as number));
      }
      totalLoss += x > 0 ? Math.log1p(Math.exp(-x)) : -x + Math.log1p(Math.exp(x));
      const g = 1 / (1 + Math.exp(x)); // −d softplus(−x)/dx
      for (let f = 0; f < d; f++) {
        const pu = P[uo + f] as number;
        const qi = Q[io + f] as number;
        const qj = Q[jo + f] as number;
        const ni = N[io + f] as number;
        const nj = N[jo + f] as number;
        const cf = context[f] as number;
        nextDiff[f] = ni - nj;
        stepCoordinate(P, acc.user, uo + f, -g * (qi - qj) + reg * pu, lr);
        stepCoordinate(Q, acc.item, io + f, -g * pu + reg * qi, lr);
        stepCoordinate(Q, acc.item, jo + f, g * pu + reg * qj, lr);
        stepCoordinate(N, acc.next, io + f, -g * cf + reg * ni, lr);
        stepCoordinate(N, acc.next, jo + f, g * cf + reg * nj, lr);
      }
      for (let c = from; c < to; c++) {
        const offset = (examples.contextItems[c] as number) * d;
        const a = examples.contextWeights[c] as number;
        for (let f = 0; f < d; f++) {
          const m = M[offset + f] as number;
          stepCoordinate(M, acc.previous, offset + f, -g * a * (nextDiff[f] as number) + reg * m, lr);
        }
      }
      stepCoordinate(bias, acc.bias, i, -g + reg * (bias[i] as number), lr);
      stepCoordinate(bias, acc.bias, j, g + reg * (bias[j] as number), lr);
    }
    return totalLoss / Math.max(1, samples);
  }

  protected scoreProfile(profile: UserProfile, userIndex: number | undefined, out: Float32Array): void {
    const d = this.config.factors;
    const { user: P, item: Q, next: N, previous: M, bias } = this.#tables;
    const user = new Float32Array(d);
    if (userIndex !== undefined) {
      user.set(P.subarray(userIndex * d, userIndex * d + d));
    } else {
      for (let k = 0; k < profile.indices.length; k++) {
        const offset = (profile.indices[k] as number) * d;
        for (let f = 0; f < d; f++) user[f] = (user[f] as number) + (Q[offset + f] as number) / profile.indices.length;
      }
    }
    const { items, weights } = this.contextFor(profile, userIndex);
    const context = new Float32Array(d);
    for (let k = 0; k < items.length; k++) {
      const offset = (items[k] as number) * d;
      const a = weights[k] as number;
      for (let f = 0; f < d; f++) context[f] = (context[f] as number) + a * (M[offset + f] as number);
    }
    for (let i = 0; i < out.length; i++) {
      const offset = i * d;
      let score = bias[i] as number;
      for (let f = 0; f < d; f++) {
        score += (user[f] as number) * (Q[offset + f] as number) + (context[f] as number) * (N[offset + f] as number);
      }
      out[i] = score;
    }
  }

  /** The transition context: fresh items first (one basket each, newest first), then the stored history's baskets. */
  private contextFor(
    profile: UserProfile,
    userIndex: number | undefined,
  ): { items: Int32Array; weights: Float32Array } {
    const recent = profile.recent ?? new Int32Array(0);
    const items: number[] = [...recent];
    const ranks: number[] = Array.from(recent, (_, rank) => rank);
    if (userIndex !== undefined) {
      const h = this.#histories;
      const end = h.indptr[userIndex + 1] as number;
      // Only the first maxHistory items are read: a long history costs no more than a short one.
      for (let p = h.indptr[userIndex] as number; p < end && items.length < this.config.maxHistory; p++) {
        const item = h.items[p] as number;
        if (items.includes(item)) continue;
        items.push(item);
        ranks.push(recent.length + (h.baskets[p] as number));
      }
    } else if (recent.length === 0) {
      // Only an unordered profile is known: one basket.
      for (const item of profile.indices) {
        items.push(item);
        ranks.push(0);
      }
    }
    const kept = Math.min(items.length, this.config.maxHistory);
    return {
      items: Int32Array.from(items.slice(0, kept)),
      weights: historyWeights(
        new Float32Array(kept).fill(1),
        Int32Array.from(ranks.slice(0, kept)),
        this.config.recencyDecay,
      ),
    };
  }

  /** Cosine of the matrix-factorisation item factors q. */
  protected scoreSimilar(itemIndex: number, out: Float32Array): void {
    const d = this.config.factors;
    const Q = this.#tables.item;
    const norm = (i: number): number => {
      let sum = 0;
      for (let f = 0; f < d; f++) sum += (Q[i * d + f] as number) ** 2;
      return Math.sqrt(sum);
    };
    const target = norm(itemIndex);
    for (let i = 0; i < out.length; i++) {
      let dot = 0;
      for (let f = 0; f < d; f++) dot += (Q[itemIndex * d + f] as number) * (Q[i * d + f] as number);
      out[i] = dot / (target * norm(i) + 1e-12);
    }
  }

  protected exportModel(): ModelState {
    const t = this.#tables;
    const h = this.#histories;
    return {
      meta: {},
      arrays: {
        userFactors: t.user,
        itemFactors: t.item,
        nextFactors: t.next,
        previousFactors: t.previous,
        itemBias: t.bias,
        historyIndptr: h.indptr,
        historyItems: h.items,
        historyWeights: h.weights,
        historyBaskets: h.baskets,
      },
    };
  }

  protected importModel(artifact: ModelArtifact, state: FittedState): void {
    const d = this.config.factors;
    const items = state.items.size;
    const tables: Tables = {
      user: readArtifactArray(artifact, "userFactors", Float32Array),
      item: readArtifactArray(artifact, "itemFactors", Float32Array),
      next: readArtifactArray(artifact, "nextFactors", Float32Array),
      previous: readArtifactArray(artifact, "previousFactors", Float32Array),
      bias: readArtifactArray(artifact, "itemBias", Float32Array),
    };
    assertLength("FPMC userFactors", tables.user, state.users.size * d);
    for (const name of ["item", "next", "previous"] as const)
      assertLength(`FPMC ${name} factors`, tables[name], items * d);
    assertLength("FPMC itemBias", tables.bias, items);
    const histories = readStoredHistories(artifact, "FPMC", { users: state.users.size, items });
    this.#tables = tables;
    this.#histories = histories;
  }
}

/** Every stored interaction as a target, with its recency-weighted history (basket partners first) as context. */
function buildTransitionExamples(histories: UserHistories, config: FpmcConfig): TransitionExamples {
  const users: number[] = [];
  const targets: number[] = [];
  const contextIndptr: number[] = [0];
  const contextItems: number[] = [];
  const contextWeights: number[] = [];
  for (let user = 0; user + 1 < histories.indptr.length; user++) {
    const end = histories.indptr[user + 1] as number;
    const start = histories.indptr[user] as number;
    for (let p = start; p < end; p++) {
      const entries = exampleHistoryEntries(histories, { target: p, start, end }, config);
      const weights = historyWeights(
        new Float32Array(entries.length).fill(1),
        Int32Array.from(entries, (q) => histories.baskets[q] as number),
        config.recencyDecay,
      );
      users.push(user);
      targets.push(histories.items[p] as number);
      weights.forEach((weight, k) => {
        if (weight === 0) return;
        contextItems.push(histories.items[entries[k] as number] as number);
        contextWeights.push(weight);
      });
      contextIndptr.push(contextItems.length);
    }
  }
  return {
    users: Int32Array.from(users),
    targets: Int32Array.from(targets),
    contextIndptr: Int32Array.from(contextIndptr),
    contextItems: Int32Array.from(contextItems),
    contextWeights: Float32Array.from(contextWeights),
  };
}

function emptyTables(): Tables {
  return {
    user: new Float32Array(0),
    item: new Float32Array(0),
    next: new Float32Array(0),
    previous: new Float32Array(0),
    bias: new Float32Array(0),
  };
}

function copyTables(tables: Tables): Tables {
  return {
    user: tables.user.slice(),
    item: tables.item.slice(),
    next: tables.next.slice(),
    previous: tables.previous.slice(),
    bias: tables.bias.slice(),
  };
}

export const fpmcModel = defineModel({
  kind: "fpmc",
  description: "Factorising personalised Markov chains: MF plus a basket-to-next-item transition, BPR-trained.",
  configSchema: FpmcConfigSchema,
  create: (config) => new FpmcRecommender(config),
});

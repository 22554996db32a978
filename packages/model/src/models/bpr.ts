import { z } from "zod";
import type { CsrMatrix } from "../data/csr-matrix";
import type { InteractionDataset } from "../data/interaction-dataset";
import { createRng, type Rng } from "../random/create-rng";
import type { FitOptions, FitReport } from "../recommender";
import { type ModelArtifact, readArtifactArray } from "../serialization/model-artifact";
import { runEpochs } from "../training/run-epochs";
import { BaseRecommender, type FittedState, type ModelState, type UserProfile } from "./base-recommender";
import { defineModel } from "./define-model";

export const BprConfigSchema = z.object({
  /** Latent dimensions (default 64). */
  factors: z.number().int().positive().default(64),
  /** Step size (default 0.05 for Adagrad; ~0.01 for plain SGD). */
  learningRate: z.number().positive().default(0.05),
  /** L2 penalty on the factors and biases touched by each sample (default 0.01). */
  regularization: z.number().nonnegative().default(0.01),
  /** Maximum epochs (default 30); early stopping may end sooner when a validation callback is given. */
  epochs: z.number().int().positive().default(30),
  /** Samples per epoch; null (default) = one per stored interaction. */
  samplesPerEpoch: z.number().int().positive().nullable().default(null),
  /** "adagrad" (default: per-parameter step sizes) or plain "sgd". */
  optimizer: z.enum(["adagrad", "sgd"]).default("adagrad"),
  /** Validations without improvement before stopping (default 3). */
  patience: z.number().int().positive().default(3),
  /** Validate every this many epochs (default 1). */
  validateEvery: z.number().int().positive().default(1),
  /** Standard deviation of the initial factors (default 0.01). */
  initScale: z.number().positive().default(0.01),
});
export type BprConfig = z.infer<typeof BprConfigSchema>;

/**
 * Matrix factorisation trained with Bayesian Personalised Ranking (Rendle 2009): for a user u, an item i they chose
 * and a sampled item j they did not, minimise softplus(−(x_ui − x_uj)) with x_ui = b_i + p_u·q_i, by sparse SGD/Adagrad
 * updates of just the rows involved, on Float32Array tables. A user unseen at fit time is folded in as the mean of
 * the factors of their recent items.
 */
export class BprRecommender extends BaseRecommender<BprConfig> {
  readonly kind = "bpr";
  #userFactors: Float32Array = new Float32Array(0);
  #itemFactors: Float32Array = new Float32Array(0);
  #itemBias: Float32Array = new Float32Array(0);

  protected async fitModel(
    dataset: InteractionDataset,
    state: FittedState,
    options: FitOptions,
  ): Promise<Omit<FitReport, "seconds">> {
    const { factors, initScale } = this.config;
    const rng = createRng(options.seed ?? 42);
    const users = state.users.size;
    const items = state.items.size;
    this.#userFactors = Float32Array.from({ length: users * factors }, () => rng.nextNormal() * initScale);
    this.#itemFactors = Float32Array.from({ length: items * factors }, () => rng.nextNormal() * initScale);
    this.#itemBias = new Float32Array(items);
    const matrix = dataset.matrix;
    if (matrix.indices.length === 0 || items < 2) return { epochs: 0 };
    const rowOf = buildRowOfEntry(matrix);
    const accumulators = {
      user: new Float32Array(users * factors),
      item: new Float32Array(items * factors),
      bias: new Float32Array(items),
    };
    const samples = this.config.samplesPerEpoch ?? matrix.indices.length;
    const { validate } = options;
    const result = await runEpochs({
      epochs: this.config.epochs,
      patience: this.config.patience,
      validateEvery: this.config.validateEvery,
      runEpoch: () => this.runEpoch(matrix, rowOf, samples, rng, accumulators),
      validate: validate === undefined ? undefined : () => validate(this),
      snapshot: () => ({
        user: this.#userFactors.slice(),
        item: this.#itemFactors.slice(),
        bias: this.#itemBias.slice(),
      }),
      restore: (snapshot) => {
        this.#userFactors = snapshot.user;
        this.#itemFactors = snapshot.item;
        this.#itemBias = snapshot.bias;
      },
      onProgress: options.onProgress,
    });
    return result;
  }

  /** One epoch of sampled (user, positive, negative) updates; returns the mean BPR loss. */
  private runEpoch(
    matrix: CsrMatrix,
    rowOf: Int32Array,
    samples: number,
    rng: Rng,
    accumulators: { user: Float32Array; item: Float32Array; bias: Float32Array },
  ): number {
    const { factors: d, learningRate: lr, regularization: reg } = this.config;
    const adagrad = this.config.optimizer === "adagrad";
    const U = this.#userFactors;
    const V = this.#itemFactors;
    const bias = this.#itemBias;
    const items = matrix.cols;
    const step = (table: Float32Array, acc: Float32Array, at: number, grad: number): void => {
      if (adagrad) {
        const sum = (acc[at] ?? 0) + grad * grad;
        acc[at] = sum;
        table[at] = (table[at] ?? 0) - (lr * grad) / (Math.sqrt(sum) + 1e-7);
      } else {
        table[at] = (table[at] ?? 0) - lr * grad;
      }
    };
    let totalLoss = 0;
    for (let s = 0; s < samples; s++) {
      const entry = rng.nextInt(matrix.indices.length);
      const u = rowOf[entry] ?? 0;
      const i = matrix.indices[entry] ?? 0;
      const j = sampleNegative(matrix, u, items, rng);
      if (j < 0) continue;
      const uo = u * d;
      const io = i * d;
      const jo = j * d;
      let x = (bias[i] ?? 0) - (bias[j] ?? 0);
      for (let f = 0; f < d; f++) x += (U[uo + f] ?? 0) * ((V[io + f] ?? 0) - (V[jo + f] ?? 0));
      totalLoss += x > 0 ? Math.log1p(Math.exp(-x)) : -x + Math.log1p(Math.exp(x));
      const g = 1 / (1 + Math.exp(x)); // −d softplus(−x)/dx
      for (let f = 0; f < d; f++) {
        const pu = U[uo + f] ?? 0;
        const qi = V[io + f] ?? 0;
        const qj = V[jo + f] ?? 0;
        step(U, accumulators.user, uo + f, -g * (qi - qj) + reg * pu);
        step(V, accumulators.item, io + f, -g * pu + reg * qi);
        step(V, accumulators.item, jo + f, g * pu + reg * qj);
      }
      step(bias, accumulators.bias, i, -g + reg * (bias[i] ?? 0));
      step(bias, accumulators.bias, j, g + reg * (bias[j] ?? 0));
    }
    return totalLoss / Math.max(1, samples);
  }

  protected scoreProfile(profile: UserProfile, userIndex: number | undefined, out: Float32Array): void {
    const d = this.config.factors;
    const user = new Float32Array(d);
    if (
      userIndex !== undefined &&
      profile.indices.length > 0 &&
      isOnlyTrainingHistory(this.state, userIndex, profile)
    ) {
      user.set(this.#userFactors.subarray(userIndex * d, userIndex * d + d));
    } else {
      // Fold-in: the mean of the profile items' factors.
      let total = 0;
      for (let k = 0; k < profile.indices.length; k++) {
        const item = profile.indices[k] ?? 0;
        const w = profile.values[k] ?? 0;
        total += w;
        for (let f = 0; f < d; f++) user[f] = (user[f] ?? 0) + w * (this.#itemFactors[item * d + f] ?? 0);
      }
      if (total > 0) for (let f = 0; f < d; f++) user[f] = (user[f] ?? 0) / total;
    }
    for (let i = 0; i < out.length; i++) {
      let score = this.#itemBias[i] ?? 0;
      const offset = i * d;
      for (let f = 0; f < d; f++) score += (user[f] ?? 0) * (this.#itemFactors[offset + f] ?? 0);
      out[i] = score;
    }
  }

  protected scoreSimilar(itemIndex: number, out: Float32Array): void {
    const d = this.config.factors;
    const V = this.#itemFactors;
    const norm = (i: number): number => {
      let sum = 0;
      for (let f = 0; f < d; f++) sum += (V[i * d + f] ?? 0) ** 2;
      return Math.sqrt(sum);
    };
    const target = norm(itemIndex);
    for (let i = 0; i < out.length; i++) {
      let dot = 0;
      for (let f = 0; f < d; f++) dot += (V[itemIndex * d + f] ?? 0) * (V[i * d + f] ?? 0);
      out[i] = dot / (target * norm(i) + 1e-12);
    }
  }

  protected exportModel(): ModelState {
    return {
      meta: {},
      arrays: { userFactors: this.#userFactors, itemFactors: this.#itemFactors, itemBias: this.#itemBias },
    };
  }

  protected importModel(artifact: ModelArtifact): void {
    this.#userFactors = readArtifactArray(artifact, "userFactors", Float32Array);
    this.#itemFactors = readArtifactArray(artifact, "itemFactors", Float32Array);
    this.#itemBias = readArtifactArray(artifact, "itemBias", Float32Array);
  }
}

/** The user (row) of every stored entry. */
function buildRowOfEntry(matrix: CsrMatrix): Int32Array {
  const rowOf = new Int32Array(matrix.indices.length);
  for (let r = 0; r < matrix.rows; r++) rowOf.fill(r, matrix.indptr[r] ?? 0, matrix.indptr[r + 1] ?? 0);
  return rowOf;
}

/** A uniformly drawn item the user has not interacted with (−1 if none found in 20 tries). */
function sampleNegative(matrix: CsrMatrix, user: number, items: number, rng: Rng): number {
  const start = matrix.indptr[user] ?? 0;
  const end = matrix.indptr[user + 1] ?? 0;
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = rng.nextInt(items);
    let lo = start;
    let hi = end - 1;
    let found = false;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const value = matrix.indices[mid] ?? 0;
      if (value === candidate) {
        found = true;
        break;
      }
      if (value < candidate) lo = mid + 1;
      else hi = mid - 1;
    }
    if (!found) return candidate;
  }
  return -1;
}

/** True when the profile is exactly the user's training row (no recent items added). */
function isOnlyTrainingHistory(state: FittedState, userIndex: number, profile: UserProfile): boolean {
  const start = state.userItems.indptr[userIndex] ?? 0;
  const end = state.userItems.indptr[userIndex + 1] ?? 0;
  return end - start === profile.indices.length;
}

export const bprModel = defineModel({
  kind: "bpr",
  description: "Matrix factorisation trained with the BPR pairwise loss.",
  configSchema: BprConfigSchema,
  create: (config) => new BprRecommender(config),
});

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
import { sampleNegative } from "./sample-negative";

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
    const userAcc = adagrad ? accumulators.user : undefined;
    const itemAcc = adagrad ? accumulators.item : undefined;
    const biasAcc = adagrad ? accumulators.bias : undefined;
    let totalLoss = 0;
    for (let s = 0; s < samples; s++) {
      const entry = rng.nextInt(matrix.indices.length);
      const u = rowOf[entry] as number;
      const i = matrix.indices[entry] as number;
      const j = sampleNegative(matrix, u, rng);
      if (j < 0) continue;
      const uo = u * d;
      const io = i * d;
      const jo = j * d;
      let x = (bias[i] as number) - (bias[j] as number);
      for (let f = 0; f < d; f++) x += (U[uo + f] as number) * ((V[io + f] as number) - (V[jo + f] as number));
      totalLoss += x > 0 ? Math.log1p(Math.exp(-x)) : -x + Math.log1p(Math.exp(x));
      const g = 1 / (1 + Math.exp(x)); // −d softplus(−x)/dx
      for (let f = 0; f < d; f++) {
        const pu = U[uo + f] as number;
        const qi = V[io + f] as number;
        const qj = V[jo + f] as number;
        stepCoordinate(U, userAcc, uo + f, -g * (qi - qj) + reg * pu, lr);
        stepCoordinate(V, itemAcc, io + f, -g * pu + reg * qi, lr);
        stepCoordinate(V, itemAcc, jo + f, g * pu + reg * qj, lr);
      }
      stepCoordinate(bias, biasAcc, i, -g + reg * (bias[i] as number), lr);
      stepCoordinate(bias, biasAcc, j, g + reg * (bias[j] as number), lr);
    }
    return totalLoss / Math.max(1, samples);
  }

  protected scoreProfile(profile: UserProfile, userIndex: number | undefined, out: Float32Array): void {
    const d = this.config.factors;
    const V = this.#itemFactors;
    const user = new Float32Array(d);
    if (
      userIndex !== undefined &&
      profile.indices.length > 0 &&
      isOnlyTrainingHistory(this.state, userIndex, profile)
    ) {
      user.set(this.#userFactors.subarray(userIndex * d, userIndex * d + d));
    } else {
      // Fold-in: the mean of the profile items' factors.
      assertLength("BPR profile values", profile.values, profile.indices.length);
      let total = 0;
      for (let k = 0; k < profile.indices.length; k++) {
        const offset = (profile.indices[k] as number) * d;
        const w = profile.values[k] as number;
        total += w;
        for (let f = 0; f < d; f++) user[f] = (user[f] as number) + w * (V[offset + f] as number);
      }
      if (total > 0) for (let f = 0; f < d; f++) user[f] = (user[f] as number) / total;
    }
    for (let i = 0; i < out.length; i++) {
      let score = this.#itemBias[i] as number;
      const offset = i * d;
      for (let f = 0; f < d; f++) score += (user[f] as number) * (V[offset + f] as number);
      out[i] = score;
    }
  }

  protected scoreSimilar(itemIndex: number, out: Float32Array): void {
    const d = this.config.factors;
    const V = this.#itemFactors;
    const norm = (i: number): number => {
      let sum = 0;
      for (let f = 0; f < d; f++) sum += (V[i * d + f] as number) ** 2;
      return Math.sqrt(sum);
    };
    const target = norm(itemIndex);
    for (let i = 0; i < out.length; i++) {
      let dot = 0;
      for (let f = 0; f < d; f++) dot += (V[itemIndex * d + f] as number) * (V[i * d + f] as number);
      out[i] = dot / (target * norm(i) + 1e-12);
    }
  }

  protected exportModel(): ModelState {
    return {
      meta: {},
      arrays: { userFactors: this.#userFactors, itemFactors: this.#itemFactors, itemBias: this.#itemBias },
    };
  }

  protected importModel(artifact: ModelArtifact, state: FittedState): void {
    const d = this.config.factors;
    this.#userFactors = readArtifactArray(artifact, "userFactors", Float32Array);
    this.#itemFactors = readArtifactArray(artifact, "itemFactors", Float32Array);
    this.#itemBias = readArtifactArray(artifact, "itemBias", Float32Array);
    assertLength("BPR userFactors", this.#userFactors, state.users.size * d);
    assertLength("BPR itemFactors", this.#itemFactors, state.items.size * d);
    assertLength("BPR itemBias", this.#itemBias, state.items.size);
  }
}

/** The user (row) of every stored entry. */
function buildRowOfEntry(matrix: CsrMatrix): Int32Array {
  assertLength("matrix indptr", matrix.indptr, matrix.rows + 1);
  const rowOf = new Int32Array(matrix.indices.length);
  for (let r = 0; r < matrix.rows; r++) rowOf.fill(r, matrix.indptr[r] as number, matrix.indptr[r + 1] as number);
  return rowOf;
}

/** True when the profile is exactly the user's training row (no recent items added). */
function isOnlyTrainingHistory(state: FittedState, userIndex: number, profile: UserProfile): boolean {
  const start = state.userItems.indptr[userIndex] as number;
  const end = state.userItems.indptr[userIndex + 1] as number;
  return end - start === profile.indices.length;
}

export const bprModel = defineModel({
  kind: "bpr",
  description: "Matrix factorisation trained with the BPR pairwise loss.",
  configSchema: BprConfigSchema,
  create: (config) => new BprRecommender(config),
});

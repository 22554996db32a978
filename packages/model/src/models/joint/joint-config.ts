import { z } from "zod";

/** Typed config of the joint model, every field with a documented default (docs/model.md explains the maths). */
export const JointConfigSchema = z.object({
  /** Embedding dimensions of the user and item towers (default 64). */
  dims: z.number().int().positive().default(64),
  /**
   * Epochs (default 10). With a validation callback this is the maximum and early stopping keeps the best epoch;
   * without one (the refit on all data) exactly this many are run.
   */
  epochs: z.number().int().positive().default(10),
  /** Validations without improvement before stopping (default 2). */
  patience: z.number().int().positive().default(2),
  /** Training examples per mini-batch (default 256). */
  batchSize: z.number().int().positive().default(256),
  /**
   * The most training examples (history positions) one epoch visits (default 150,000): a shop with more trains each
   * epoch on a fresh seeded uniform sample of this many, so a fit's time is bounded by design whatever the traffic
   * (docs/operations.md). REES46 has at most 93,322 (one per purchase) and is never sampled.
   */
  maxExamplesPerEpoch: z.number().int().positive().default(150_000),
  /** Shared negative items sampled per mini-batch for the sampled softmax (default 1024). */
  negatives: z.number().int().positive().default(1024),
  /** Negatives are drawn ∝ (item count + 1)^this (default 0.5); the logits are corrected by log q. */
  negativeSamplingPower: z.number().min(0).max(1).default(0.5),
  /** Adagrad step size (default 0.1). */
  learningRate: z.number().positive().default(0.1),
  /** L2 penalty on every parameter row touched by a step (default 1e-4). */
  l2: z.number().nonnegative().default(1e-4),
  /**
   * Weight a of L_item: in-batch contrastive alignment of each target's content vector with its id embedding (a
   * constant there), so content learns what behaviour taught and unsold items inherit it (default 3, chosen on REES46
   * validation: item cold start up, warm accuracy unchanged; docs/model.md; 0 disables).
   */
  itemLossWeight: z.number().nonnegative().default(3),
  /**
   * Weight b of L_user: the next item's category, metal and price band predicted from the behaviour part of the user
   * vector (history id embeddings + user id; default 0.1; 0 disables).
   */
  userLossWeight: z.number().nonnegative().default(0.1),
  /**
   * Serving: an unsold item gets the id embedding and bias its content predicts, the p(j | z_i) ∝ exp(Eo_j·z_i)
   * average over bought items j that L_item trains (default true; needs ids and content).
   */
  imputeColdIds: z.boolean().default(true),
  /**
   * Temperature τ of that imputation, p_j ∝ exp(Eo_j·z_i / τ) (default 0.4). At τ = 1 — the distribution L_item trains —
   * the average over many neighbours shrinks the imputed part towards the mean item; a lower τ lets an unsold item
   * inherit more of its nearest behaviour neighbours'. Chosen on REES46 validation (docs/model.md "Serving"): the lowest
   * value tried whose warm NDCG@20 stays clearly inside the seed spread; lower τ costs warm accuracy.
   */
  coldIdTemperature: z.number().positive().default(0.4),
  /** Item and profile content features in the towers (default true). */
  useContent: z.boolean().default(true),
  /**
   * Weight w of the item–item term added to the towers' score: w · Σ_h x_h·B[h, j], B EASE's closed-form item–item
   * weights on the same training data and x_h = itemItemDecay^(basket rank) — ease-recency's score (default chosen on
   * REES46 validation, BENCHMARKS.md §1; 0 disables). The towers generalise through content and profiles; B keeps
   * which specific pieces are bought together, which 64-dimensional embeddings blur.
   */
  itemItemWeight: z.number().nonnegative().default(64),
  /** EASE's λ for the item–item term (default 10: ease's validation choice on REES46). */
  itemItemLambda: z.number().positive().default(10),
  /** Recency decay of the item–item term's history (default 0.75: ease-recency's validation choice on REES46). */
  itemItemDecay: z.number().min(0).max(1).default(0.75),
  /** Neighbours kept per item row of B (default 100): n·k stored entries instead of m². */
  itemItemNeighbours: z.number().int().positive().default(100),
  /**
   * Largest number of sold items the term is fitted for (default 20,000): B's inverse is m² memory (1.6 GB at 20,000)
   * and m³ time; above it the towers serve alone and the fit's progress says so.
   */
  itemItemMaxItems: z.number().int().positive().default(20_000),
  /** Item and user id embeddings in the towers (default true). */
  useIds: z.boolean().default(true),
  /**
   * Recency decay of the behaviour aggregate: the k-th most recent item weighs decay^k (default 0.05: on purchase
   * data the latest item carries most of the signal; chosen on REES46 validation, see BENCHMARKS.md).
   */
  recencyDecay: z.number().min(0).max(1).default(0.05),
  /** History items kept per user (most recent first, default 20). */
  maxHistory: z.number().int().positive().default(20),
  /**
   * What a training example sees of its own basket. "partners" (default): the other items bought at the same time,
   * as the newest basket of the history, beside every older basket — each item of a basket is a target once with all
   * the others as context, so "bought together" is learned without any order inside the basket (a shopper's latest
   * basket is in the history when serving, too). "none": only the baskets strictly before the target's.
   */
  basketContext: z.enum(["partners", "none"]).default("partners"),
  /** Probability of hiding an item's id embedding in a step, so the content path learns to stand alone (cold start). */
  idDropout: z.number().min(0).max(1).default(0.1),
  /** Where the batch's dense products run: TensorFlow.js (default; native or WASM backend) or plain JS loops. */
  denseBackend: z.enum(["tfjs", "js"]).default("tfjs"),
  /**
   * Step size of the dense-content projection T relative to the other tables: T's Adagrad step is
   * learningRate · denseStepScale / √D for D dense input columns (default 1). Adagrad's first steps move every
   * coordinate by about the step size, and T has D rows feeding every item at once, so an unscaled step would move an
   * item vector by ≈ learningRate·√D. Unused without dense content.
   */
  denseStepScale: z.number().positive().default(1),
  /** Standard deviation of the initial embeddings (default 0.05). */
  initScale: z.number().positive().default(0.05),
});
export type JointConfig = z.infer<typeof JointConfigSchema>;

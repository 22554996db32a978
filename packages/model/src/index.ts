export { buildCsrMatrix, type CsrEntry, type CsrMatrix, getCsrRow, transposeCsr } from "./data/csr-matrix";
export { IdMap } from "./data/id-map";
export type { AgeBand, CatalogItem, Interaction, UserAttributes } from "./data/interaction";
export {
  createInteractionDataset,
  type DatasetInput,
  type DatasetOptions,
  type InteractionDataset,
} from "./data/interaction-dataset";
export * from "./domain/events";
export * from "./domain/vocabulary";
export {
  type EvaluateOptions,
  type EvaluationTarget,
  evaluateRanking,
  type MetricsAtK,
  type RankingEvaluation,
} from "./evaluation/evaluate-ranking";
export { catalogCoverageAtK, mrrAtK, ndcgAtK, precisionAtK, recallAtK } from "./evaluation/ranking-metrics";
export { type ItemColdStartSplit, splitItemColdStart } from "./evaluation/split-item-cold-start";
export {
  type HeldOutTarget,
  type LeaveLastOutSplit,
  splitLeaveLastOut,
  type TimedInteraction,
} from "./evaluation/split-leave-last-out";
export { expandGrid, type TuneOptions, type TuningTrial, tuneOnValidation } from "./evaluation/tune-on-validation";
export {
  COLOUR_BINS,
  type ColourBin,
  classifyColour,
  computeColourHistogram,
} from "./features/image/compute-colour-histogram";
export { convertBundledMobileNet } from "./features/image/convert-bundled-mobilenet";
export { decodeJpeg } from "./features/image/decode-jpeg";
export { BACKBONE_WEIGHTS_FILE, type ImageBackboneFiles } from "./features/image/image-backbone-files";
export {
  describeContent,
  detectImageFormat,
  IMAGE_CONTENT_TYPES,
  IMAGE_EXTENSIONS,
  IMAGE_SNIFF_BYTES,
  type ImageContentType,
  type ImageFormat,
} from "./features/image/image-format";
export {
  describeImageEncoder,
  type EncodeImagesOptions,
  IMAGE_EMBEDDING_DIMS,
  IMAGE_SIZE,
  type ImageEncoder,
  type ImageEncoderOptions,
  loadImageEncoder,
  normalizeL2,
} from "./features/image/load-image-encoder";
export { resizeBilinearInto } from "./features/image/resize-bilinear";
export type { RgbaImage } from "./features/image/rgb-image";
export * from "./guide/index";
export { type InvertSpdOptions, invertSpdInPlace } from "./linalg/invert-spd";
export { type AttributeKnnConfig, AttributeKnnConfigSchema, AttributeKnnRecommender } from "./models/attribute-knn";
export { BaseRecommender, type FittedState, type ModelState, type UserProfile } from "./models/base-recommender";
export { type BprConfig, BprConfigSchema, BprRecommender } from "./models/bpr";
export { defineModel, type ModelDefinition } from "./models/define-model";
export { type EaseConfig, EaseConfigSchema, EaseRecommender } from "./models/ease";
export { type EaseRecencyConfig, EaseRecencyConfigSchema, EaseRecencyRecommender } from "./models/ease-recency";
export { type FpmcConfig, FpmcConfigSchema, FpmcRecommender } from "./models/fpmc";
export { type ItemKnnConfig, ItemKnnConfigSchema, ItemKnnRecommender } from "./models/item-knn";
export {
  fitItemItemTerm,
  type ItemItemTerm,
  type ItemItemTermData,
  type ItemItemTermFitter,
} from "./models/joint/item-item-term";
export { type JointConfig, JointConfigSchema } from "./models/joint/joint-config";
export { type DenseItemContent, JointRecommender } from "./models/joint/joint-model";
export { type PopularityConfig, PopularityConfigSchema, PopularityRecommender } from "./models/popularity";
export { createRng, type Rng } from "./random/create-rng";
export { selectTopK } from "./ranking/select-top-k";
export type {
  FitOptions,
  FitProgress,
  FitReport,
  Recommendation,
  Recommender,
  RecommendOptions,
  SimilarItemsOptions,
  UserQuery,
} from "./recommender";
export {
  createRecommender,
  deserializeRecommender,
  isRecommenderKind,
  listRecommenderKinds,
  MODEL_REGISTRY,
  type RecommenderConfig,
  type RecommenderConfigInput,
  type RecommenderKind,
} from "./registry";
export { decodeModelArtifact, encodeModelArtifact, type ModelArtifact } from "./serialization/model-artifact";
export * from "./text/cosine-similarity";
export * from "./text/encode-text";
export { hashToken } from "./text/hash-token";
export * from "./text/lexicon";
export * from "./text/match-lexicon";
export * from "./text/normalize-text";
export * from "./text/tokenize-text";
export { type EpochLoop, type EpochLoopResult, runEpochs } from "./training/run-epochs";

import type { z } from "zod";
import { attributeKnnModel } from "./models/attribute-knn";
import { bprModel } from "./models/bpr";
import { easeModel } from "./models/ease";
import { easeRecencyModel } from "./models/ease-recency";
import { fpmcModel } from "./models/fpmc";
import { itemKnnModel } from "./models/item-knn";
import { jointModel } from "./models/joint/joint-model";
import { popularityModel } from "./models/popularity";
import type { Recommender } from "./recommender";
import { decodeModelArtifact } from "./serialization/model-artifact";

/** Every recommender by kind name. Adding a model = its file + one line here. */
export const MODEL_REGISTRY = {
  popularity: popularityModel,
  itemknn: itemKnnModel,
  ease: easeModel,
  "ease-recency": easeRecencyModel,
  bpr: bprModel,
  fpmc: fpmcModel,
  joint: jointModel,
  "attribute-knn": attributeKnnModel,
} as const;

export type RecommenderKind = keyof typeof MODEL_REGISTRY;
/** The config a caller may pass (every field optional where it has a default). */
export type RecommenderConfigInput<K extends RecommenderKind> = z.input<(typeof MODEL_REGISTRY)[K]["configSchema"]>;
/** The config after defaults are applied. */
export type RecommenderConfig<K extends RecommenderKind> = z.output<(typeof MODEL_REGISTRY)[K]["configSchema"]>;

export function listRecommenderKinds(): RecommenderKind[] {
  return Object.keys(MODEL_REGISTRY).filter(isRecommenderKind);
}

export function isRecommenderKind(kind: string): kind is RecommenderKind {
  return Object.hasOwn(MODEL_REGISTRY, kind);
}

/** A new, unfitted recommender; the config is validated and defaults filled in (throws a readable error if invalid). */
export function createRecommender<K extends RecommenderKind>(kind: K, config?: RecommenderConfigInput<K>): Recommender;
export function createRecommender(kind: string, config?: unknown): Recommender;
export function createRecommender(kind: string, config: unknown = {}): Recommender {
  const definition = findDefinition(kind);
  const parsed = definition.configSchema.safeParse(config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new Error(`Invalid ${kind} config: ${issues.join("; ")}`);
  }
  return (definition.create as (config: unknown) => Recommender)(parsed.data);
}

/** Restores any registered recommender from the bytes its serialize() produced. */
export function deserializeRecommender(bytes: Uint8Array): Recommender {
  const artifact = decodeModelArtifact(bytes);
  const definition = findDefinition(artifact.kind);
  const config = definition.configSchema.parse(artifact.config);
  const model = (definition.create as (config: unknown) => ReturnType<typeof definition.create>)(config);
  model.loadArtifact(artifact);
  return model;
}

function findDefinition(kind: string): (typeof MODEL_REGISTRY)[RecommenderKind] {
  if (!isRecommenderKind(kind)) {
    throw new Error(`Unknown recommender kind '${kind}'. Registered kinds: ${listRecommenderKinds().join(", ")}.`);
  }
  return MODEL_REGISTRY[kind];
}

import type { z } from "zod";
import type { BaseRecommender } from "./base-recommender";

/** What a model file exports for the registry: its kind, typed config schema (with defaults) and a factory. */
export type ModelDefinition<Schema extends z.ZodType> = {
  kind: string;
  description: string;
  configSchema: Schema;
  create: (config: z.output<Schema>) => BaseRecommender<z.output<Schema>>;
};

export function defineModel<Schema extends z.ZodType>(definition: ModelDefinition<Schema>): ModelDefinition<Schema> {
  return definition;
}

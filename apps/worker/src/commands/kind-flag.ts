import { isRecommenderKind, listRecommenderKinds, type RecommenderKind } from "@jewelguide/model";
import type { FlagDef } from "../cli/command";
import { UsageError } from "../cli/usage-error";
import { DEFAULT_MODEL_KIND } from "../pipeline/train-and-publish";

/** `--kind KIND` of train, run and schedule. */
export const KIND_FLAG = {
  type: "string",
  valueName: "KIND",
  description: `recommender kind (default ${DEFAULT_MODEL_KIND})`,
} as const satisfies FlagDef;

/** The flag's value as a recommender kind: DEFAULT_MODEL_KIND when absent; a usage error listing the kinds otherwise. */
export function parseKindFlag(value: string | undefined): RecommenderKind {
  const kind = value ?? DEFAULT_MODEL_KIND;
  if (!isRecommenderKind(kind)) {
    throw new UsageError(
      `--kind ${kind} is not a recommender kind; choose one of ${listRecommenderKinds().join(", ")}`,
    );
  }
  return kind;
}

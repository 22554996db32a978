import type { Recommender } from "@jewelguide/model";

/**
 * The recommender a process serves: the active model version, or — when none has been published — popularity computed
 * from the stored purchases, labelled `fallback-popularity` so pages and logs say so.
 */
export type ServingModel = {
  source: "active-version" | "fallback-popularity";
  /** The ModelVersion id, null for the fallback. */
  versionId: number | null;
  kind: string;
  recommender: Recommender;
  loadedAt: number;
};

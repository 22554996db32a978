import { listRecommenderKinds } from "@jewelguide/model";
import { defineCommand } from "../cli/command";
import { UsageError } from "../cli/usage-error";
import { trainAndPublish } from "../pipeline/train-and-publish";
import { KIND_FLAG, parseKindFlag } from "./kind-flag";

export const trainCommand = defineCommand({
  name: "train",
  summary: "Train a recommender on the shop's data, evaluate it offline and store it as a candidate version.",
  help: `Loads the catalog and every event from DATABASE_URL, scores the configuration on the offline protocol
(leave-last-out validation and test), fits the final model on all data and stores it as a candidate model version
with its parameters, metrics and data snapshot. A candidate serves only once published (--publish, or the
publish command). The joint model's item tower also takes the stored text and photo features of the current encoder
versions (featurize) when the database has them; --no-stored-features trains without them. The version's params record
which features were used (storedFeatures). Kinds: ${listRecommenderKinds().join(", ")}.`,
  flags: {
    kind: KIND_FLAG,
    config: { type: "string", valueName: "JSON", description: "model config as JSON, e.g. '{\"lambda\":300}'" },
    publish: {
      type: "boolean",
      description: "make the new version active when training succeeds and the publish gates pass",
    },
    "if-none-active": { type: "boolean", description: "do nothing when a version is already active" },
    "no-eval": { type: "boolean", description: "skip the offline evaluation (faster; the version has no metrics)" },
    "no-stored-features": {
      type: "boolean",
      description: "joint: do not feed the stored text/photo features (featurize) to the item tower",
    },
    quiet: { type: "boolean", description: "no progress output" },
  },
  async run({ flags, env, stdout, stderr, job }) {
    const done = await trainAndPublish(
      {
        databaseUrl: env.databaseUrl,
        kind: parseKindFlag(flags.kind),
        config: parseConfigFlag(flags.config),
        publish: flags.publish,
        ifNoneActive: flags["if-none-active"],
        evaluate: !flags["no-eval"],
        storedFeatures: !flags["no-stored-features"],
        quiet: flags.quiet,
        jobId: job?.id,
      },
      { stdout, stderr },
    );
    return done ? 0 : 1;
  },
});

export function parseConfigFlag(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not an object");
    return value as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`--config must be a JSON object, got ${JSON.stringify(text)} (${(error as Error).message})`);
  }
}

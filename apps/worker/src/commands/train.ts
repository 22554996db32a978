import { createDb, getActiveModelVersion, publishWithGates } from "@jewelguide/db";
import { isRecommenderKind, listRecommenderKinds } from "@jewelguide/model";
import { defineCommand } from "../cli/command";
import { UsageError } from "../cli/usage-error";
import { trainModelVersion } from "../training/train-model-version";
import { workerActor } from "./worker-actor";

/** The model the demo serves until something better is published. */
export const DEFAULT_MODEL_KIND = "joint";

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
    kind: { type: "string", valueName: "KIND", description: `recommender kind (default ${DEFAULT_MODEL_KIND})` },
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
  async run({ flags, env, stdout, stderr }) {
    const kind = flags.kind ?? DEFAULT_MODEL_KIND;
    if (!isRecommenderKind(kind)) {
      throw new UsageError(
        `--kind ${kind} is not a recommender kind; choose one of ${listRecommenderKinds().join(", ")}`,
      );
    }
    const config = parseConfigFlag(flags.config);
    const { db } = createDb(env.databaseUrl);
    try {
      if (flags["if-none-active"]) {
        const active = await getActiveModelVersion(db);
        if (active) {
          stdout.write(`model version ${active.id} (${active.kind}) is active; nothing to train\n`);
          return 0;
        }
      }
      const started = Date.now();
      const log = (text: string) => {
        if (!flags.quiet) stderr.write(`[train ${((Date.now() - started) / 1000).toFixed(0)}s] ${text}\n`);
      };
      let lastLine = 0;
      const stageStarted = new Map<string, number>();
      const result = await trainModelVersion(
        db,
        { kind, config, evaluate: !flags["no-eval"], storedFeatures: !flags["no-stored-features"] },
        {
          stage: log,
          progress(stage, progress) {
            const now = Date.now();
            const key = `${stage}/${progress.stage}`;
            const since = stageStarted.get(key) ?? now;
            stageStarted.set(key, since);
            if (now - lastLine < 1000 && progress.fraction < 1) return;
            lastLine = now;
            const parts = [`${stage}: ${progress.stage} ${(progress.fraction * 100).toFixed(0)}%`];
            if (progress.epoch !== undefined) parts.push(`epoch ${progress.epoch}`);
            if (progress.loss !== undefined) parts.push(`loss ${progress.loss.toFixed(4)}`);
            const fraction = progress.fraction;
            if (fraction > 0.02 && fraction < 1) {
              parts.push(`ETA ${(((now - since) / 1000) * ((1 - fraction) / fraction)).toFixed(0)} s`);
            }
            log(parts.join(", "));
          },
        },
      );
      const validation = (result.metrics.validation ?? {}) as Record<string, number>;
      const test = (result.metrics.test ?? {}) as Record<string, number>;
      stdout.write(
        `trained ${kind} as candidate version ${result.versionId} in ${result.seconds.toFixed(1)} s ` +
          `(artifact ${(result.artifactBytes / 1e6).toFixed(1)} MB)\n`,
      );
      if (validation["recall@20"] !== undefined) {
        stdout.write(
          `validation recall@20 ${fmt(validation["recall@20"])} ndcg@20 ${fmt(validation["ndcg@20"])}; ` +
            `test recall@20 ${fmt(test["recall@20"])} ndcg@20 ${fmt(test["ndcg@20"])}\n`,
        );
      }
      if (flags.publish) {
        const published = await publishWithGates(db, result.versionId, { actor: workerActor() });
        for (const failure of published.gates.failures) stderr.write(`gate: ${failure}\n`);
        if (!published.published) {
          stderr.write(`version ${result.versionId} stays a candidate: gates failed (publish --force to override)\n`);
          return 1;
        }
        stdout.write(
          `published version ${published.activated}${published.retired !== null ? ` (retired ${published.retired})` : ""}\n`,
        );
      }
      return 0;
    } finally {
      await db.$disconnect();
    }
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

function fmt(value: number | undefined): string {
  return value === undefined ? "n/a" : value.toFixed(4);
}

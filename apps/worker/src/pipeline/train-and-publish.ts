import { createDb, getActiveModelVersion, publishWithGates } from "@jewelguide/db";
import type { RecommenderKind } from "@jewelguide/model";
import type { Output } from "../cli/command";
import { createProgressReporter } from "../cli/progress-reporter";
import { printFitProgress } from "../training/print-fit-progress";
import { trainModelVersion } from "../training/train-model-version";
import { workerActor } from "./worker-actor";

/** The model the demo serves until something better is published. */
export const DEFAULT_MODEL_KIND: RecommenderKind = "joint";

export type TrainAndPublishRequest = {
  databaseUrl: string;
  kind: RecommenderKind;
  /** Model config overrides (the model's defaults fill the rest). */
  config: Record<string, unknown>;
  /** Make the new version active when training succeeds and the publish gates pass. */
  publish: boolean;
  /** Do nothing when a version is already active. */
  ifNoneActive: boolean;
  /** Score the offline protocol (without it the version has no metrics). */
  evaluate: boolean;
  /** Joint model: feed the stored text/photo features to the item tower. */
  storedFeatures: boolean;
  /** No progress lines on stderr. */
  quiet: boolean;
};

export type TrainAndPublishIo = { stdout: Output; stderr: Output };

/**
 * Trains one candidate version, reports its metrics and, when asked, publishes it through the gates. Resolves to
 * false only when the gates kept the candidate from serving (the active version keeps serving).
 */
export async function trainAndPublish(request: TrainAndPublishRequest, io: TrainAndPublishIo): Promise<boolean> {
  const { stdout, stderr } = io;
  const { db } = createDb(request.databaseUrl);
  try {
    if (request.ifNoneActive) {
      const active = await getActiveModelVersion(db);
      if (active) {
        stdout.write(`model version ${active.id} (${active.kind}) is active; nothing to train\n`);
        return true;
      }
    }
    const reporter = createProgressReporter({ out: stderr, enabled: !request.quiet, tag: "train" });
    const result = await trainModelVersion(
      db,
      {
        kind: request.kind,
        config: request.config,
        evaluate: request.evaluate,
        storedFeatures: request.storedFeatures,
      },
      { stage: reporter.note, progress: printFitProgress(reporter) },
    );
    const validation = (result.metrics.validation ?? {}) as Record<string, number>;
    const test = (result.metrics.test ?? {}) as Record<string, number>;
    stdout.write(
      `trained ${request.kind} as candidate version ${result.versionId} in ${result.seconds.toFixed(1)} s ` +
        `(artifact ${(result.artifactBytes / 1e6).toFixed(1)} MB)\n`,
    );
    if (validation["recall@20"] !== undefined) {
      stdout.write(
        `validation recall@20 ${fmt(validation["recall@20"])} ndcg@20 ${fmt(validation["ndcg@20"])}; ` +
          `test recall@20 ${fmt(test["recall@20"])} ndcg@20 ${fmt(test["ndcg@20"])}\n`,
      );
    }
    if (!request.publish) return true;
    const published = await publishWithGates(db, result.versionId, { actor: workerActor() });
    for (const failure of published.gates.failures) stderr.write(`gate: ${failure}\n`);
    if (!published.published) {
      stderr.write(`version ${result.versionId} stays a candidate: gates failed (publish --force to override)\n`);
      return false;
    }
    stdout.write(
      `published version ${published.activated}${published.retired !== null ? ` (retired ${published.retired})` : ""}\n`,
    );
    return true;
  } finally {
    await db.$disconnect();
  }
}

function fmt(value: number | undefined): string {
  return value === undefined ? "n/a" : value.toFixed(4);
}

/** `train --kind KIND --publish` with every other setting at its default: the run that `run` and `schedule` make. */
export function defaultPublishingRun(
  databaseUrl: string,
  kind: RecommenderKind,
  quiet: boolean,
): TrainAndPublishRequest {
  return {
    databaseUrl,
    kind,
    config: {},
    publish: true,
    ifNoneActive: false,
    evaluate: true,
    storedFeatures: true,
    quiet,
  };
}

import { createDb, type Db, getActiveModelVersion, isUniqueViolation, publishWithGates } from "@jewelguide/db";
import type { RecommenderKind } from "@jewelguide/model";
import type { Output } from "../cli/command";
import { createProgressReporter } from "../cli/progress-reporter";
import { printFitProgress } from "../training/print-fit-progress";
import { type TrainResult, trainModelVersion } from "../training/train-model-version";
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
  /**
   * The queue job this run is (`worker serve`). A retried job whose earlier attempt already stored its version (the
   * worker died after saving, before the job was marked done) publishes that version instead of training another;
   * the version's unique jobId makes a second one impossible even when two attempts overlap.
   */
  jobId?: string;
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
    const stored = request.jobId === undefined ? null : await findVersionOfJob(db, request.jobId);
    const result =
      stored ??
      (await trainModelVersion(
        db,
        {
          kind: request.kind,
          config: request.config,
          evaluate: request.evaluate,
          storedFeatures: request.storedFeatures,
          jobId: request.jobId,
        },
        { stage: reporter.note, progress: printFitProgress(reporter) },
      ).catch(async (error: unknown) => {
        // Two attempts of one job overlapped (a worker stalled past its heartbeat) and the other stored first.
        const other =
          request.jobId !== undefined && isUniqueViolation(error) ? await findVersionOfJob(db, request.jobId) : null;
        if (other === null) throw error;
        return other;
      }));
    if (stored) stdout.write(`job ${request.jobId} already stored version ${stored.versionId}: not training again\n`);
    const validation = (result.metrics.validation ?? {}) as Record<string, number>;
    const test = (result.metrics.test ?? {}) as Record<string, number>;
    if (!stored) {
      stdout.write(
        `trained ${request.kind} as candidate version ${result.versionId} in ${result.seconds.toFixed(1)} s ` +
          `(artifact ${(result.artifactBytes / 1e6).toFixed(1)} MB)\n`,
      );
    }
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

/** The version an earlier attempt of the job stored, shaped like a training result (its own metrics). */
async function findVersionOfJob(db: Db, jobId: string): Promise<TrainResult | null> {
  const row = await db.modelVersion.findUnique({
    where: { jobId },
    select: { id: true, kind: true, metrics: true, artifactSize: true },
  });
  if (row === null) return null;
  const metrics = (typeof row.metrics === "object" && row.metrics !== null ? row.metrics : {}) as Record<
    string,
    unknown
  >;
  return { versionId: row.id, kind: row.kind, metrics, artifactBytes: row.artifactSize, seconds: 0 };
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

import { createDb, type Prisma } from "@jewelguide/db";
import { deserializeRecommender } from "@jewelguide/model";
import { defineCommand } from "../cli/command";
import { createProgressReporter } from "../cli/progress-reporter";
import { UsageError } from "../cli/usage-error";
import { describeDataSnapshot } from "../training/describe-data-snapshot";
import { evaluateOffline } from "../training/evaluate-offline";
import { loadTrainingData } from "../training/load-training-data";
import { printFitProgress } from "../training/print-fit-progress";
import { describeStoredFeatures, loadStoredFeatures } from "../training/stored-features";
import { runOffPolicyEvaluation } from "./evaluate-off-policy";
import { parseVersionId } from "./parse-numeric-flags";

export const evaluateCommand = defineCommand({
  name: "evaluate",
  summary: "Re-score a stored version offline, or (--off-policy) estimate its online rates from the exploration logs.",
  help: `Loads the version (its artifact must deserialize), then runs the same offline protocol as train on the data in
DATABASE_URL now: the version's kind and parameters are fitted on the train split and scored on validation, refitted on
train + validation and scored on test. (The stored artifact itself was fitted on all data, held-out items included, so
scoring it directly on the held-out items would flatter it.) The result is stored in the version's metrics under
"reevaluation" with the data snapshot it used; the training-time metrics are kept.

With --off-policy it instead estimates, from the logged impressions of the feed's exploration slots, the click, cart
and purchase rate per exploration slot the version would get if it served (behind the same exploration layer, or
alone with --greedy): IPS, self-normalised IPS and doubly robust estimates with 95 % intervals, beside the logging
policy's observed rate, the effective sample size and the supported share. Stored in the version's metrics under
"offPolicy" (the dashboard's off-policy panel). See docs/off-policy.md.`,
  flags: {
    version: { type: "string", valueName: "N", description: "the model version id (required)" },
    "off-policy": { type: "boolean", description: "estimate online rates from the exploration logs instead" },
    reward: {
      type: "string",
      valueName: "click|cart|purchase",
      description: "with --off-policy: only this reward (default all three)",
    },
    since: { type: "string", valueName: "ISO", description: "with --off-policy: only decisions served from then on" },
    greedy: { type: "boolean", description: "with --off-policy: the version alone, without the exploration layer" },
    quiet: { type: "boolean", description: "no progress output" },
  },
  async run({ flags, env, stdout, stderr }) {
    const id = parseVersionId("--version", flags.version);
    if (flags["off-policy"]) {
      return runOffPolicyEvaluation(id, flags, { env, stdout, stderr });
    }
    for (const flag of ["reward", "since", "greedy"] as const) {
      if (flags[flag]) throw new UsageError(`--${flag} needs --off-policy`);
    }
    const { db } = createDb(env.databaseUrl);
    try {
      const version = await db.modelVersion.findUnique({
        where: { id },
        select: { kind: true, params: true, metrics: true, artifact: true },
      });
      if (!version) throw new UsageError(`model version ${id} does not exist`);
      if (!version.artifact) throw new UsageError(`model version ${id} has no artifact`);
      const model = deserializeRecommender(version.artifact);
      const reporter = createProgressReporter({ out: stderr, enabled: !flags.quiet, tag: "evaluate" });
      const log = reporter.note;
      log(`version ${id}: ${model.kind} artifact loads (${model.items.size} items)`);
      const data = await loadTrainingData(db);
      if (data.interactions.length === 0) throw new UsageError("there are no events to evaluate on");
      const snapshot = describeDataSnapshot(data);
      log(`data: ${snapshot.interactions} events, snapshot ${snapshot.hash.slice(0, 12)}`);
      // A version trained on stored text/photo features is re-scored with the features stored now (current encoders).
      const features = usedStoredFeatures(version.params) ? await loadStoredFeatures(db, data) : undefined;
      if (usedStoredFeatures(version.params)) {
        log(
          features
            ? `stored features: ${describeStoredFeatures(features, data.catalog.length)}`
            : "stored features: the version used some, but none of the current encoder versions is stored (run featurize)",
        );
      }
      const offline = await evaluateOffline(
        data,
        version.kind,
        readTrainingConfig(version.params),
        printFitProgress(reporter),
        { dense: features?.dense },
      );
      const previous = isRecord(version.metrics) ? version.metrics : {};
      const reevaluation = {
        validation: offline.validation,
        test: offline.test,
        protocol: offline.protocol,
        dataSnapshot: snapshot,
        evaluatedAt: new Date().toISOString(),
      };
      await db.modelVersion.update({
        where: { id },
        data: { metrics: { ...previous, reevaluation } as Prisma.InputJsonValue },
      });
      stdout.write(
        `version ${id} (${version.kind}) on snapshot ${snapshot.hash.slice(0, 12)}: validation recall@20 ` +
          `${fmt(offline.validation["recall@20"])} ndcg@20 ${fmt(offline.validation["ndcg@20"])}; test recall@20 ` +
          `${fmt(offline.test["recall@20"])} ndcg@20 ${fmt(offline.test["ndcg@20"])}\n`,
      );
      return 0;
    } finally {
      await db.$disconnect();
    }
  },
});

/** The config train fitted with: the stored params without the model's own resolved copy. */
function readTrainingConfig(params: unknown): Record<string, unknown> {
  if (!isRecord(params)) return {};
  const { resolved: _resolved, storedFeatures: _storedFeatures, ...config } = params;
  return config;
}

/** Did training feed stored features to the model (params.storedFeatures lists at least one encoder)? */
function usedStoredFeatures(params: unknown): boolean {
  return isRecord(params) && Array.isArray(params.storedFeatures) && params.storedFeatures.length > 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fmt(value: number | undefined): string {
  return value === undefined ? "n/a" : value.toFixed(4);
}

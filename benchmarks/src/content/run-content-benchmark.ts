import fs from "node:fs";
import path from "node:path";
import { createDb, repoRoot } from "@jewelguide/db";
import { createRecommender } from "@jewelguide/model";
import type { Output } from "@jewelguide/worker/cli";
import { createProgressReporter, UsageError } from "@jewelguide/worker/cli";
import { defaultFeatureSpecs, type FeatureSpec, textFeatureSpec } from "@jewelguide/worker/featurize";
import {
  describeDataSnapshot,
  describeStoredFeatures,
  evaluateOffline,
  loadStoredFeatures,
  loadTrainingData,
  OFFLINE_PROTOCOL,
  storedFeaturesParam,
} from "@jewelguide/worker/training";

/** The joint model with no stored features, with the text feature, with text + photo. */
export const CONTENT_VARIANTS: { name: string; specs: () => FeatureSpec[] }[] = [
  { name: "none", specs: () => [] },
  { name: "text", specs: () => [textFeatureSpec()] },
  { name: "text+image", specs: defaultFeatureSpecs },
];

export type ContentBenchmarkRequest = {
  databaseUrl: string;
  /** Variant names to run (default: all of CONTENT_VARIANTS). */
  variants?: string[];
  /** Joint config overrides for every variant. */
  config: Record<string, unknown>;
  /** Result JSON (default benchmarks/results/content-features.json). */
  out?: string;
  /** No progress lines on stderr. */
  quiet: boolean;
};

/**
 * Trains the joint model once per variant of stored features on the offline protocol, merges the results into the
 * result JSON (keeping earlier variants measured on the same data and config) and prints the table.
 */
export async function runContentBenchmark(
  request: ContentBenchmarkRequest,
  io: { stdout: Output; stderr: Output },
): Promise<void> {
  const { stdout, stderr } = io;
  const variants = (request.variants ?? CONTENT_VARIANTS.map((variant) => variant.name)).map((name) => {
    const variant = CONTENT_VARIANTS.find((candidate) => candidate.name === name);
    if (variant === undefined) {
      throw new UsageError(`--variants: unknown ${name}; known: ${CONTENT_VARIANTS.map((v) => v.name).join(", ")}`);
    }
    return variant;
  });
  const config = request.config;
  const out = path.resolve(request.out ?? path.join(repoRoot, "benchmarks", "results", "content-features.json"));
  const log = createProgressReporter({ out: stderr, enabled: !request.quiet, tag: "benchmark content" }).note;
  const { db } = createDb(request.databaseUrl);
  try {
    const data = await loadTrainingData(db);
    if (data.interactions.length === 0) throw new UsageError("there are no events: run demo first");
    const snapshot = describeDataSnapshot(data);
    log(
      `data: ${snapshot.products} products, ${snapshot.interactions} events (snapshot ${snapshot.hash.slice(0, 12)})`,
    );
    const results: Record<string, Record<string, unknown>> = {};
    const resolved = createRecommender("joint", config).config as Record<string, unknown>;
    for (const variant of variants) {
      const specs = variant.specs();
      const features = specs.length > 0 ? await loadStoredFeatures(db, data, specs) : undefined;
      if (specs.length > 0) {
        const missing = specs.filter(
          (spec) => !features?.blocks.some((block) => block.encoder === spec.encoder && block.products > 0),
        );
        if (missing.length > 0) {
          throw new UsageError(
            `no stored ${missing.map((spec) => `${spec.encoder} ${spec.version}`).join(", ")} features: run featurize first`,
          );
        }
      }
      log(
        `${variant.name}: ${features ? describeStoredFeatures(features, data.catalog.length) : "no stored features"}`,
      );
      const offline = await evaluateOffline(
        data,
        "joint",
        config,
        (stage, progress) => {
          if (progress.epoch !== undefined && progress.stage !== undefined) {
            const validation =
              progress.validation === undefined ? "" : ` validation ndcg@20 ${progress.validation.toFixed(4)}`;
            log(
              `${variant.name} ${stage}: epoch ${progress.epoch} loss ${progress.loss?.toFixed(4) ?? "-"}${validation}`,
            );
          }
        },
        { dense: features?.dense },
      );
      results[variant.name] = {
        measuredAt: new Date().toISOString(),
        storedFeatures: storedFeaturesParam(features),
        epochs: offline.refitConfig.epochs,
        validation: offline.validation,
        test: offline.test,
        train_seconds: offline.fitSeconds.test,
        validation_fit_seconds: offline.fitSeconds.validation,
      };
      log(
        `${variant.name}: test recall@20 ${fmt(offline.test["recall@20"])} ndcg@20 ${fmt(offline.test["ndcg@20"])} ` +
          `cold recall@20 ${fmt(offline.test["cold_recall@20"])}; refit ${offline.fitSeconds.test.toFixed(0)} s`,
      );
      // Variants measured by an earlier run (e.g. --variants none,text after text+image) are kept, as long as they
      // were measured on the same data snapshot and config.
      const previous = readPrevious(out, snapshot.hash, resolved);
      const merged = { ...previous, ...results };
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(
        out,
        `${JSON.stringify({ protocol: OFFLINE_PROTOCOL, data: snapshot, config: resolved, variants: merged }, null, 2)}\n`,
      );
    }
    const all = { ...readPrevious(out, snapshot.hash, resolved), ...results };
    stdout.write(`${formatContentTable(all)}\nwritten ${path.relative(process.cwd(), out)}\n`);
  } finally {
    await db.$disconnect();
  }
}

type ResultFile = { data?: { hash?: string }; config?: unknown; variants?: Record<string, Record<string, unknown>> };

function readPrevious(
  out: string,
  hash: string,
  config: Record<string, unknown>,
): Record<string, Record<string, unknown>> {
  if (!fs.existsSync(out)) return {};
  const parsed = JSON.parse(fs.readFileSync(out, "utf8")) as ResultFile;
  if (parsed.data?.hash !== hash || JSON.stringify(parsed.config) !== JSON.stringify(config)) return {};
  const variants = parsed.variants ?? {};
  const kept: Record<string, Record<string, unknown>> = {};
  for (const variant of CONTENT_VARIANTS) {
    const result = variants[variant.name];
    if (result !== undefined) kept[variant.name] = result;
  }
  return kept;
}

function formatContentTable(results: Record<string, Record<string, unknown>>): string {
  const lines = [
    "| stored features | recall@20 | ndcg@20 | cold_recall@20 | cold users | epochs | train_seconds |",
    "|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const [name, result] of Object.entries(results)) {
    const test = result.test as Record<string, number>;
    lines.push(
      `| ${name} | ${fmt(test["recall@20"])} | ${fmt(test["ndcg@20"])} | ${fmt(test["cold_recall@20"])} | ` +
        `${test.cold_users ?? "-"} | ${String(result.epochs ?? "-")} | ${Number(result.train_seconds).toFixed(0)} |`,
    );
  }
  return lines.join("\n");
}

function fmt(value: number | undefined): string {
  return value === undefined ? "n/a" : value.toFixed(4);
}

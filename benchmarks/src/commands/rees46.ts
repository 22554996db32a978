import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "@jewelguide/db";
import { defineCommand, parsePositiveInteger, UsageError } from "@jewelguide/worker/cli";
import { defaultRees46File } from "@jewelguide/worker/ingest";
import { OFFLINE_PROTOCOL } from "@jewelguide/worker/training";
import { BENCHMARK_PLAN, findBenchmarkEntry } from "../rees46/benchmark-plan";
import { buildModelRecord } from "../rees46/build-model-record";
import { formatBenchmarkTable } from "../rees46/format-benchmark-table";
import { importRees46Database, rees46DatabaseUrl } from "../rees46/import-rees46-database";
import {
  EARLY_STOPPING_USERS,
  type EntryOptions,
  type EntryResult,
  ITEM_COLD_SPLIT,
  TUNING_SEED,
} from "../rees46/run-benchmark-entry";
import { runWithDependencies } from "../rees46/run-with-dependencies";

/** What rees46.json says about how its numbers were made, beside the split protocol. */
const METHOD =
  `tuning on seed ${TUNING_SEED} (early stopping on a seeded sample of ${EARLY_STOPPING_USERS} validation shoppers, ` +
  `configurations compared on all); the chosen configuration refitted with each listed seed, metrics the mean over ` +
  `seeds, std the sample standard deviation over seeds (deterministic models run once: std 0), ci95 Wilson intervals ` +
  `over shoppers; item cold start: a seeded ${ITEM_COLD_SPLIT.fraction * 100} % of items (seed ${ITEM_COLD_SPLIT.seed}) ` +
  `removed from train + validation entirely, scored on the shoppers whose test item is one of them, for the models ` +
  `that can score unseen items`;

export const rees46Command = defineCommand({
  name: "rees46",
  summary:
    "Run the REES46 accuracy benchmark (baselines, joint model, ablations) and write benchmarks/results/rees46.json.",
  help: `Imports the REES46 jewelry store file into a benchmark database of its own (idempotent), then for each model
tunes its grid on validation (NDCG@20, seed ${TUNING_SEED}), refits the best configuration on train + validation with
each of its seeds (three for stochastic models, one for deterministic) and scores test once per seed; models that can
score unseen items are also scored on the item cold-start split. Each model runs in its own process, so
train_seconds and peak_rss_mb are its own; --jobs of them run at once. Protocol: ${OFFLINE_PROTOCOL}.
Models: ${BENCHMARK_PLAN.map((entry) => entry.name).join(", ")}.`,
  flags: {
    file: {
      type: "string",
      valueName: "PATH",
      description: "REES46 file (default: the normalized .csv.xz in shared data)",
    },
    models: { type: "string", valueName: "A,B", description: "run only these models (default: all)" },
    out: { type: "string", valueName: "PATH", description: "result JSON (default benchmarks/results/rees46.json)" },
    jobs: {
      type: "string",
      valueName: "N",
      description: "models run at once, one process each (default 2: the two cores the targets are set for)",
    },
    "print-table": {
      type: "boolean",
      description: "only print the Markdown table (mean ± std) of the result JSON, for BENCHMARKS.md",
    },
    "sample-users": {
      type: "string",
      valueName: "N",
      description: "smoke check: a seeded sample of N shoppers (needs --out; never the recorded results)",
    },
    "max-epochs": {
      type: "string",
      valueName: "N",
      description: "smoke check: at most N epochs per fit (needs --out; never the recorded results)",
    },
  },
  async run(context) {
    const { flags, env, stdout, stderr } = context;
    const out = path.resolve(flags.out ?? path.join(repoRoot, "benchmarks", "results", "rees46.json"));
    if (flags["print-table"]) {
      stdout.write(`${formatBenchmarkTable(readPrevious(out).models)}\n`);
      return 0;
    }
    const requested = flags.models?.split(",").map((name) => name.trim()) ?? BENCHMARK_PLAN.map((entry) => entry.name);
    for (const name of requested) {
      if (!BENCHMARK_PLAN.some((entry) => entry.name === name)) {
        throw new UsageError(`--models: unknown model ${name}; known: ${BENCHMARK_PLAN.map((e) => e.name).join(", ")}`);
      }
    }
    const names = BENCHMARK_PLAN.map((entry) => entry.name).filter((name) => requested.includes(name));
    const smoke: EntryOptions = {
      ...(flags["sample-users"] === undefined
        ? {}
        : { sampleUsers: parsePositiveInteger("--sample-users", flags["sample-users"]) }),
      ...(flags["max-epochs"] === undefined
        ? {}
        : { maxEpochs: parsePositiveInteger("--max-epochs", flags["max-epochs"]) }),
    };
    if (Object.keys(smoke).length > 0 && flags.out === undefined) {
      throw new UsageError(
        "--sample-users and --max-epochs are smoke checks: give --out, so the recorded results stay",
      );
    }
    const jobs = flags.jobs === undefined ? 2 : parsePositiveInteger("--jobs", flags.jobs);
    const databaseUrl = rees46DatabaseUrl(env.dataDir);
    const file = flags.file ?? defaultRees46File(env.sharedDir);
    const imported = await importRees46Database({ env, stderr }, file);
    if (imported !== 0) return imported;
    const previous = readPrevious(out);
    const started = Date.now();
    const write = () => {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const models = orderByPlan(previous.models);
      const smokeNote = Object.keys(smoke).length > 0 ? { smoke_check: smoke } : {};
      const body = { ...previous, protocol: OFFLINE_PROTOCOL, method: METHOD, file: path.basename(file), ...smokeNote };
      fs.writeFileSync(out, `${JSON.stringify({ ...body, models }, null, 2)}\n`);
    };
    await runWithDependencies<Record<string, unknown>>(
      names.map((name) => ({
        name,
        dependsOn: findBenchmarkEntry(name).derivedFrom?.of,
        run: async (baseConfig) => {
          const result = await runChild(name, databaseUrl, { ...smoke, baseConfig }, stderr);
          previous.models[name] = buildModelRecord(result);
          write();
          stderr.write(`[benchmark] ${name} done after ${((Date.now() - started) / 1000).toFixed(0)} s in total\n`);
          return result.config;
        },
      })),
      jobs,
      (name) => {
        const config = previous.models[name]?.config;
        if (config === undefined || config === null || typeof config !== "object") {
          throw new UsageError(`a model derived from ${name} needs ${name}'s chosen configuration: run ${name} too`);
        }
        stderr.write(`[benchmark] ${name}'s configuration from ${path.relative(process.cwd(), out)}\n`);
        return config as Record<string, unknown>;
      },
    );
    stdout.write(
      `${formatBenchmarkTable(orderByPlan(previous.models))}\nwritten ${path.relative(process.cwd(), out)}\n`,
    );
    return 0;
  },
});

type ResultFile = { protocol?: string; models: Record<string, Record<string, unknown>> };

function readPrevious(out: string): ResultFile {
  if (!fs.existsSync(out)) return { models: {} };
  const parsed = JSON.parse(fs.readFileSync(out, "utf8")) as ResultFile;
  return { ...parsed, models: parsed.models ?? {} };
}

/** The plan's models in plan order, then any the plan no longer has (older runs' models stay readable). */
function orderByPlan(models: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  const names = [
    ...BENCHMARK_PLAN.map((entry) => entry.name).filter((name) => name in models),
    ...Object.keys(models).filter((name) => !BENCHMARK_PLAN.some((entry) => entry.name === name)),
  ];
  return Object.fromEntries(names.map((name) => [name, models[name] as Record<string, unknown>]));
}

function runChild(
  name: string,
  databaseUrl: string,
  options: EntryOptions,
  stderr: { write(text: string): void },
): Promise<EntryResult> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "../rees46/benchmark-child.ts"), name, JSON.stringify(options)],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => stderr.write(chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      const line = output.trim().split("\n").pop() ?? "";
      if (code !== 0 || line === "") {
        reject(new Error(`benchmark of ${name} failed (exit ${code})`));
        return;
      }
      resolve(JSON.parse(line) as EntryResult);
    });
  });
}

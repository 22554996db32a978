import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { migrateDatabase, repoRoot } from "@jewelguide/db";
import { defineCommand, UsageError } from "@jewelguide/worker/cli";
import {
  defaultRees46File,
  importRees46,
  NO_IMPORT_FLAGS,
  openInput,
  runImportCommand,
} from "@jewelguide/worker/ingest";
import { OFFLINE_PROTOCOL } from "@jewelguide/worker/training";
import { BENCHMARK_PLAN } from "../rees46/benchmark-plan";
import { formatBenchmarkTable } from "../rees46/format-benchmark-table";
import type { EntryResult } from "../rees46/run-benchmark-entry";

export const rees46Command = defineCommand({
  name: "rees46",
  summary:
    "Run the REES46 accuracy benchmark (baselines, joint model, ablations) and write benchmarks/results/rees46.json.",
  help: `Imports the REES46 jewelry store file into a benchmark database of its own (idempotent), then for each model
tunes its grid on validation (NDCG@20), refits the best configuration on train + validation and scores test once.
Each model runs in its own process, so train_seconds and peak_rss_mb are its own. Protocol: ${OFFLINE_PROTOCOL}.
Models: ${BENCHMARK_PLAN.map((entry) => entry.name).join(", ")}.`,
  flags: {
    file: {
      type: "string",
      valueName: "PATH",
      description: "REES46 file (default: the normalized .csv.xz in shared data)",
    },
    models: { type: "string", valueName: "A,B", description: "run only these models (default: all)" },
    out: { type: "string", valueName: "PATH", description: "result JSON (default benchmarks/results/rees46.json)" },
  },
  async run(context) {
    const { flags, env, stdout, stderr } = context;
    const names = flags.models?.split(",").map((name) => name.trim()) ?? BENCHMARK_PLAN.map((entry) => entry.name);
    for (const name of names) {
      if (!BENCHMARK_PLAN.some((entry) => entry.name === name)) {
        throw new UsageError(`--models: unknown model ${name}; known: ${BENCHMARK_PLAN.map((e) => e.name).join(", ")}`);
      }
    }
    const out = path.resolve(flags.out ?? path.join(repoRoot, "benchmarks", "results", "rees46.json"));
    const databaseUrl = `file:${path.join(env.dataDir, "benchmarks", "rees46.db")}`;
    await migrateDatabase(databaseUrl);
    const file = flags.file ?? defaultRees46File(env.sharedDir);
    stderr.write(`[benchmark] importing ${file} into the benchmark database\n`);
    const input = openInput(file);
    const imported = await runImportCommand(
      {
        flags: { ...NO_IMPORT_FLAGS, quiet: true },
        positionals: [],
        env: { ...env, databaseUrl },
        stdout: stderr,
        stderr,
      },
      { source: "rees46", file: input.path, body: (importContext) => importRees46(importContext, input) },
    );
    if (imported !== 0) return imported;
    const previous = readPrevious(out);
    const started = Date.now();
    for (const name of names) {
      const result = await runChild(name, databaseUrl, stderr);
      previous.models[name] = { ...result.metrics, config: result.config, validation_trials: result.validationTrials };
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(
        out,
        `${JSON.stringify({ ...previous, protocol: OFFLINE_PROTOCOL, file: path.basename(file) }, null, 2)}\n`,
      );
      stderr.write(`[benchmark] ${name} done after ${((Date.now() - started) / 1000).toFixed(0)} s in total\n`);
    }
    stdout.write(`${formatBenchmarkTable(previous.models)}\nwritten ${path.relative(process.cwd(), out)}\n`);
    return 0;
  },
});

type ResultFile = { protocol?: string; models: Record<string, Record<string, unknown>> };

function readPrevious(out: string): ResultFile {
  if (!fs.existsSync(out)) return { models: {} };
  const parsed = JSON.parse(fs.readFileSync(out, "utf8")) as ResultFile;
  return { ...parsed, models: parsed.models ?? {} };
}

function runChild(name: string, databaseUrl: string, stderr: { write(text: string): void }): Promise<EntryResult> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "../rees46/benchmark-child.ts"), name],
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

// Child process of the `rees46` benchmark (commands/rees46.ts): runs one entry in a fresh process, so its peak memory is its own.
// argv: <entry name> [<EntryOptions as JSON>] ; env: DATABASE_URL of the benchmark database. Prints progress on
// stderr, the result as JSON on stdout.
import { createDb } from "@jewelguide/db";
import { createProgressReporter } from "@jewelguide/worker/cli";
import { loadTrainingData } from "@jewelguide/worker/training";
import { findBenchmarkEntry } from "./benchmark-plan";
import { type EntryOptions, runBenchmarkEntry } from "./run-benchmark-entry";
import { sampleShoppers } from "./sample-shoppers";

const name = process.argv[2] ?? "";
const options = JSON.parse(process.argv[3] ?? "{}") as EntryOptions;
const url = process.env.DATABASE_URL ?? "";
const { db } = createDb(url);
const loaded = await loadTrainingData(db);
await db.$disconnect();
const data = options.sampleUsers === undefined ? loaded : sampleShoppers(loaded, options.sampleUsers);
const reporter = createProgressReporter({ out: process.stderr, enabled: true, tag: name });
const result = await runBenchmarkEntry(findBenchmarkEntry(name), data, reporter.note, options);
result.peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify(result)}\n`);

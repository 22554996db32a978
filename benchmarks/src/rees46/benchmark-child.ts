// Child process of the `rees46` benchmark (commands/rees46.ts): runs one entry in a fresh process, so its peak memory is its own.
// argv: <entry name> ; env: DATABASE_URL of the benchmark database. Prints progress on stderr, the result as JSON on stdout.
import { createDb } from "@jewelguide/db";
import { createProgressReporter } from "@jewelguide/worker/cli";
import { loadTrainingData } from "@jewelguide/worker/training";
import { findBenchmarkEntry } from "./benchmark-plan";
import { runBenchmarkEntry } from "./run-benchmark-entry";

const name = process.argv[2] ?? "";
const url = process.env.DATABASE_URL ?? "";
const { db } = createDb(url);
const data = await loadTrainingData(db);
await db.$disconnect();
const reporter = createProgressReporter({ out: process.stderr, enabled: true, tag: name });
const result = await runBenchmarkEntry(findBenchmarkEntry(name), data, reporter.note);
result.metrics.peak_rss_mb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify(result)}\n`);

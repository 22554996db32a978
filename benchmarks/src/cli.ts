import { runCliProcess } from "@jewelguide/worker/cli";
import { BENCHMARK_COMMANDS } from "./commands/registry";

process.exitCode = await runCliProcess(BENCHMARK_COMMANDS, "npm run bench --");

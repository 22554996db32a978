/**
 * The worker's command-line framework as other workspace packages use it (`@jewelguide/worker/cli`): the benchmarks
 * package builds its own CLI (`npm run bench`) from the same commands, flag parsers, environment and progress lines.
 */

export { parsePositiveInteger, parseVersionId } from "../commands/parse-numeric-flags";
export { parseConfigFlag } from "../commands/train";
export { type Command, defineCommand, type Output } from "./command";
export { createProgressReporter, type ProgressReporter } from "./progress-reporter";
export { runCliProcess } from "./run-cli-process";
export { UsageError } from "./usage-error";

import { runCli } from "./cli/run-cli";
import { COMMANDS } from "./commands/registry";
import { readWorkerEnv } from "./config/read-worker-env";

const code = await runCli(process.argv.slice(2), COMMANDS, {
  env: readWorkerEnv(),
  stdout: process.stdout,
  stderr: process.stderr,
});
process.exitCode = code;

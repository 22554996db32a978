import { runCli } from "./cli/run-cli";
import { COMMANDS } from "./commands/registry";
import { readWorkerEnv, WorkerEnvError } from "./config/read-worker-env";

process.exitCode = await runWorker();

/** Reads the environment, then runs the command line; a malformed environment is a usage error (exit code 2). */
async function runWorker(): Promise<number> {
  let env: ReturnType<typeof readWorkerEnv>;
  try {
    env = readWorkerEnv();
  } catch (error) {
    if (!(error instanceof WorkerEnvError)) throw error;
    process.stderr.write(`error: ${error.message}\n`);
    return 2;
  }
  return runCli(process.argv.slice(2), COMMANDS, { env, stdout: process.stdout, stderr: process.stderr });
}

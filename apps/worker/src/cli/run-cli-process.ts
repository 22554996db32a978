import type { Command } from "./command";
import { readWorkerEnv, WorkerEnvError } from "./read-worker-env";
import { runCli } from "./run-cli";

/**
 * A CLI entry point's whole run (the worker's, the benchmarks'): reads the environment, then runs this process's
 * command line; a malformed environment is a usage error (exit code 2). Resolves to the exit code.
 */
export async function runCliProcess(commands: Command[], program: string): Promise<number> {
  let env: ReturnType<typeof readWorkerEnv>;
  try {
    env = readWorkerEnv();
  } catch (error) {
    if (!(error instanceof WorkerEnvError)) throw error;
    process.stderr.write(`error: ${error.message}\n`);
    return 2;
  }
  return runCli(process.argv.slice(2), commands, { env, stdout: process.stdout, stderr: process.stderr }, program);
}

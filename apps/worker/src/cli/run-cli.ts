import type { Command, Output } from "./command";
import { formatCommandHelp, formatOverview } from "./format-help";
import { parseCommandLine } from "./parse-command-line";
import type { WorkerEnv } from "./read-worker-env";
import { reportCommandError } from "./report-command-error";

export type CliIo = { env: WorkerEnv; stdout: Output; stderr: Output };

/**
 * Parses argv, runs the command and returns the exit code; never throws. `program` is how the help tells to run it
 * (the benchmarks package runs its own commands as `npm run bench --`).
 */
export async function runCli(
  argv: string[],
  commands: Command[],
  io: CliIo,
  program = "npm run worker --",
): Promise<number> {
  try {
    const parsed = parseCommandLine(argv, commands);
    if (parsed.kind === "help") {
      io.stdout.write(parsed.command ? formatCommandHelp(parsed.command, program) : formatOverview(commands, program));
      return 0;
    }
    return await parsed.command.run({ flags: parsed.flags, positionals: parsed.positionals, ...io });
  } catch (error) {
    return reportCommandError(error, io.stderr);
  }
}

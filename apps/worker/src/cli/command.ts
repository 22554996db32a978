import type { WorkerEnv } from "./read-worker-env";

/** One flag of a command: parsed by node:util parseArgs and listed in `--help`. */
export type FlagDef = {
  type: "string" | "boolean";
  description: string;
  /** Shown in help as `--flag <valueName>`. */
  valueName?: string;
  short?: string;
};
export type FlagSpec = Record<string, FlagDef>;

/** The parsed values: strings for string flags (undefined when absent), booleans for boolean flags. */
export type FlagValues<F extends FlagSpec> = {
  [K in keyof F]: F[K]["type"] extends "boolean" ? boolean : string | undefined;
};

export type Output = {
  write(text: string): void;
  /**
   * A queued job's log (`worker serve`) also takes the progress reporter's fraction of the current task, which the
   * dashboard shows as a bar; a terminal has no use for it.
   */
  progress?(label: string, fraction: number): void;
};

export type CommandContext<F extends FlagSpec> = {
  flags: FlagValues<F>;
  positionals: string[];
  env: WorkerEnv;
  stdout: Output;
  stderr: Output;
  /** Set when the run is a queued job (`worker serve`): train records the job's id with the version it makes. */
  job?: { id: string };
};

/**
 * A worker command. `name` may have two words ("import rees46"); the CLI matches the longest name first.
 * `run` resolves to the process exit code (0 ok, 1 failed, 2 usage or input error).
 */
export type Command<F extends FlagSpec = FlagSpec> = {
  name: string;
  summary: string;
  /** Free text printed by `<command> --help` under the usage line, before the flags. */
  help: string;
  flags: F;
  /** Positional arguments allowed after the name (0 when omitted). */
  maxPositionals?: number;
  run(context: CommandContext<F>): Promise<number>;
};

/** Keeps the flag names as literal types so `run` sees typed flags. */
export function defineCommand<const F extends FlagSpec>(command: Command<F>): Command<F> {
  return command;
}

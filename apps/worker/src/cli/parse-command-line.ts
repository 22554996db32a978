import { parseArgs } from "node:util";
import type { Command, FlagSpec, FlagValues } from "./command";
import { UsageError } from "./usage-error";

export type ParsedCommandLine =
  | { kind: "help"; command?: Command }
  | { kind: "run"; command: Command; flags: FlagValues<FlagSpec>; positionals: string[] };

type RawFlags = Record<string, string | boolean | undefined>;

/** Finds the command (longest matching name) and parses its flags strictly; throws UsageError naming the problem. */
export function parseCommandLine(argv: string[], commands: Command[]): ParsedCommandLine {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    const named = argv[0] === "help" && argv.length > 1 ? findCommand(argv.slice(1), commands) : undefined;
    return { kind: "help", command: named?.command };
  }
  const found = findCommand(argv, commands);
  if (!found) {
    const words = argv.filter((arg) => !arg.startsWith("-")).slice(0, 2);
    const group = commands.filter((c) => c.name.split(" ")[0] === words[0]);
    if (group.length > 0) {
      const sub = words[1] === undefined ? "(missing)" : `"${words[1]}"`;
      throw new UsageError(
        `unknown ${words[0]} source ${sub}; choose one of: ${group.map((c) => c.name.split(" ")[1]).join(", ")}`,
      );
    }
    throw new UsageError(`unknown command "${words[0] ?? argv[0]}"; run with --help to list the commands`);
  }
  const rest = argv.slice(found.words);
  if (rest.includes("--help") || rest.includes("-h")) return { kind: "help", command: found.command };
  const options = Object.fromEntries(
    Object.entries(found.command.flags).map(([name, def]) => [
      name,
      def.short ? { type: def.type, short: def.short } : { type: def.type },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`${found.command.name}: ${describeParseError(error)}`);
  }
  const max = found.command.maxPositionals ?? 0;
  if (parsed.positionals.length > max) {
    throw new UsageError(`${found.command.name}: unexpected argument "${parsed.positionals[max]}"`);
  }
  const flags: RawFlags = {};
  for (const [name, def] of Object.entries(found.command.flags)) {
    const value = parsed.values[name];
    flags[name] = def.type === "boolean" ? value === true : typeof value === "string" ? value : undefined;
  }
  // Each value matches its flag's declared type, which is what FlagValues describes.
  return { kind: "run", command: found.command, flags: flags as FlagValues<FlagSpec>, positionals: parsed.positionals };
}

function findCommand(argv: string[], commands: Command[]): { command: Command; words: number } | undefined {
  const byLength = [...commands].sort((a, b) => b.name.split(" ").length - a.name.split(" ").length);
  for (const command of byLength) {
    const words = command.name.split(" ");
    if (words.every((word, index) => argv[index] === word)) return { command, words: words.length };
  }
  return undefined;
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // parseArgs messages are long ("Unknown option '--x'. To specify a positional argument starting with a '-' ...").
  return message.split(". To specify")[0] ?? message;
}

import type { Command } from "./command";

/** `program`: how to run the CLI, e.g. "npm run worker --". */
export function formatOverview(commands: Command[], program: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `Usage: ${program} <command> [flags]`,
    "",
    "Commands:",
    ...lines,
    "",
    `Run \`${program} <command> --help\` for a command's flags.`,
    "Environment: DATABASE_URL, JEWELGUIDE_DATA_DIR, JEWELGUIDE_SHARED_DIR (set by scripts/env.sh).",
    "Exit codes: 0 done, 1 failed or stopped, 2 wrong usage or missing input file.",
    "",
  ].join("\n");
}

export function formatCommandHelp(command: Command, program: string): string {
  const flags = Object.entries(command.flags).map(([name, def]) => {
    const value = def.type === "string" ? ` <${def.valueName ?? "value"}>` : "";
    const short = def.short ? `-${def.short}, ` : "";
    return { left: `${short}--${name}${value}`, right: def.description };
  });
  const width = Math.max(10, ...flags.map((f) => f.left.length));
  const flagLines = flags.map(
    (f) => `  ${f.left.padEnd(width)}  ${f.right.replace(/\n/g, `\n  ${" ".repeat(width)}  `)}`,
  );
  return [
    `Usage: ${program} ${command.name}${flags.length > 0 ? " [flags]" : ""}`,
    "",
    command.summary,
    "",
    command.help.trim(),
    "",
    "Flags:",
    ...flagLines,
    `  ${"--help".padEnd(width)}  Show this help.`,
    "",
  ].join("\n");
}

/**
 * The command line a result file records, so that it can be re-run: `npm run bench -- <name>` and the flags it was
 * given (argv after the script and the command name).
 */
export function recordedCommandLine(name: string): string {
  const flags = process.argv.slice(3);
  return `npm run bench -- ${name}${flags.length > 0 ? ` ${flags.join(" ")}` : ""}`;
}
